using Microsoft.Extensions.Options;
using Vigie.Server.Hosting;

namespace Vigie.Server.Features.Concerns;

/// <summary>Runs <see cref="ConcernClockCheck"/> at start and then every period of the injected clock.</summary>
public sealed class ConcernClockService(ConcernClockCheck check, TimeProvider time, IOptions<ConcernOptions> options, ILogger<ConcernClockService> logger)
    : PeriodicCheck(time, logger)
{
    protected override int PeriodMinutes => options.Value.ClockCheckMinutes;

    protected override string Name => "The concern clock check (escalations)";

    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => check.RunOnceAsync(cancellationToken);
}
