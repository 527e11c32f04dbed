using Microsoft.Extensions.Options;

namespace Vigie.Server.Features.Concerns;

/// <summary>Runs <see cref="ConcernClockCheck"/> at start and then every period of the injected clock.</summary>
public sealed class ConcernClockService(ConcernClockCheck check, TimeProvider time, IOptions<ConcernOptions> options, ILogger<ConcernClockService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (options.Value.ClockCheckMinutes <= 0)
        {
            return; // turned off: the checks are run from elsewhere (tests run them by hand)
        }

        // PeriodicTimer takes at most about 49 days.
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Min(options.Value.ClockCheckMinutes, 60 * 24 * 40)), time);
        do
        {
            try
            {
                var escalated = await check.RunOnceAsync(stoppingToken);
                if (escalated > 0)
                {
                    logger.LogInformation("Escalated {Count} missed concern clocks", escalated);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next period tries again; a failed append wrote nothing.
                logger.LogError(e, "The concern clock check failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
