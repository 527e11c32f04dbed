using Microsoft.Extensions.Options;
using Vigie.Server.Hosting;

namespace Vigie.Server.Features.Concerns;

/// <summary>Runs <see cref="ConcernBatch"/> at start and then every few minutes of the injected clock.</summary>
public sealed class ConcernBatchService(ConcernBatch batch, TimeProvider time, IOptions<ConcernOptions> options, ILogger<ConcernBatchService> logger)
    : PeriodicCheck(time, logger)
{
    protected override int PeriodMinutes => options.Value.BatchFilings ? options.Value.BatchCheckMinutes : 0;

    protected override string Name => "The concern batch (held filings)";

    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => batch.RunOnceAsync(cancellationToken);
}
