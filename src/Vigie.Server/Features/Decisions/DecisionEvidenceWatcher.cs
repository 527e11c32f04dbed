using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Decisions;

/// <summary>
/// Keeps open decisions bound to their version's current evidence: when a feature reports that
/// a version's evidence changed, each open decision about it gets a decision.evidence-changed
/// entry, which makes its earlier sign-offs stale. Sign-offs also check before they are taken,
/// so a change this misses (a crash between the write and the event) is still caught.
/// </summary>
public sealed class DecisionEvidenceWatcher(EvidenceSnapshots snapshots, DecisionQueries queries, DecisionActions actions, ILogger<DecisionEvidenceWatcher> logger)
    : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        snapshots.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        snapshots.Changed -= OnChanged;
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    /// <summary>Raised on the request that changed the evidence: the work runs apart so that request is not held up.</summary>
    private void OnChanged(string system, string version) => _ = Task.Run(() => RefreshAsync(system, version));

    public async Task RefreshAsync(string system, string version)
    {
        try
        {
            foreach (var open in await queries.OpenAboutAsync(system, version, _stopping.Token))
            {
                if (await actions.LoadAsync(open.Id, _stopping.Token) is { } detail && detail.State.IsOpen)
                {
                    await actions.RefreshEvidenceAsync(detail, null, _stopping.Token);
                }
            }
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // shutting down (the ledger may be gone already); the sign-off check catches the change later
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not bind open decisions about {System}@{Version} to their new evidence", system, version);
        }
    }
}
