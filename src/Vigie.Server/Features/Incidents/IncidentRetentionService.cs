using Microsoft.Extensions.Options;
using Vigie.Server.Hosting;

namespace Vigie.Server.Features.Incidents;

/// <summary>Runs <see cref="IncidentRetention"/> at start and then every period of the injected clock.</summary>
public sealed class IncidentRetentionService(IncidentRetention retention, TimeProvider time, IOptions<IncidentOptions> options, ILogger<IncidentRetentionService> logger)
    : PeriodicCheck(time, logger)
{
    protected override int PeriodMinutes => options.Value.RetentionCheckMinutes;

    protected override string Name => "The incident retention check (expiries)";

    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => retention.RunOnceAsync(cancellationToken);
}
