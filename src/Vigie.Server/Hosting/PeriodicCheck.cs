namespace Vigie.Server.Hosting;

/// <summary>
/// A check that runs at start and then once every period of the injected clock (so tests move
/// it with a fake one): the concern clocks' escalation, incident retention. A failed run is
/// logged and the next period tries again; a failed append wrote nothing.
/// </summary>
public abstract class PeriodicCheck(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The period in minutes; 0 or less turns the background run off (tests then run the check by hand).</summary>
    protected abstract int PeriodMinutes { get; }

    /// <summary>What the check is, for the log: "the concern clock check".</summary>
    protected abstract string Name { get; }

    /// <summary>Runs the check once; returns how many things it recorded.</summary>
    protected abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (PeriodMinutes <= 0)
        {
            return;
        }

        // PeriodicTimer takes at most about 49 days.
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Min(PeriodMinutes, 60 * 24 * 40)), time);
        do
        {
            try
            {
                var recorded = await RunOnceAsync(stoppingToken);
                if (recorded > 0)
                {
                    logger.LogInformation("{Check} recorded {Count} entries", Name, recorded);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Check} failed", Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
