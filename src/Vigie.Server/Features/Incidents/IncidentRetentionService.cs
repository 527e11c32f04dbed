using Microsoft.Extensions.Options;

namespace Vigie.Server.Features.Incidents;

/// <summary>Runs <see cref="IncidentRetention"/> at start and then every period of the injected clock (as ConcernClockService does).</summary>
public sealed class IncidentRetentionService(IncidentRetention retention, TimeProvider time, IOptions<IncidentOptions> options, ILogger<IncidentRetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (options.Value.RetentionCheckMinutes <= 0)
        {
            return; // turned off: run from elsewhere (tests run it by hand)
        }

        // PeriodicTimer takes at most about 49 days.
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Min(options.Value.RetentionCheckMinutes, 60 * 24 * 40)), time);
        do
        {
            try
            {
                var expired = await retention.RunOnceAsync(stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("Expired {Count} incident records or reports under retention", expired);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next period tries again; a failed append wrote nothing.
                logger.LogError(e, "The incident retention check failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
