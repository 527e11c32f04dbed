namespace Vigie.Server.Features.Portal;

/// <summary>
/// Keeps the portal's snapshot current in the background: a few times a second it checks whether
/// a newer checkpoint was published and, if the portal has been read since start, rebuilds the
/// snapshot then. Without it the first public request after each checkpoint paid the rebuild
/// (tens of milliseconds on PostgreSQL with 100,000 entries; see docs/performance.md).
/// <c>Vigie:Portal:RefreshMilliseconds</c> sets the interval (default 250; 0 turns it off).
/// </summary>
public sealed class PortalWarmer(PortalData data, IConfiguration configuration, ILogger<PortalWarmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var milliseconds = configuration.GetValue("Vigie:Portal:RefreshMilliseconds", 250);
        if (milliseconds <= 0)
        {
            return;
        }

        // Wall-clock time on purpose, not the injected TimeProvider: this is a cache refresh, not a
        // governance clock, and a fake clock advanced by days would run it millions of times at once.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Min(milliseconds, 3_600_000)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await data.RefreshIfStaleAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next request rebuilds it (and reports its own error): the portal never serves less because of this.
                logger.LogWarning(e, "Refreshing the portal snapshot failed; the next public request rebuilds it");
            }
        }
    }
}
