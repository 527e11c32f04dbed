using System.Security.Cryptography;
using System.Text;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// Confirmed scorecard levels and safeguards belong to a version's evidence snapshot, so a
/// decision signed on one scorecard goes stale when a level is confirmed again. (Imported
/// evaluation files are already there, as the evidence entries recorded with them.)
/// </summary>
public sealed class ScorecardSnapshotSource(RiskQueries queries) : ISnapshotSource
{
    public async Task<IReadOnlyList<SnapshotItem>> ItemsAsync(string system, string version, CancellationToken cancellationToken)
    {
        var items = new List<SnapshotItem>();
        foreach (var c in await queries.ConfirmationsAsync(system, version, includeInternal: true, cancellationToken))
        {
            items.Add(new SnapshotItem("scorecard", $"scorecard-{c.LogIndex}", Digest(c.Framework, c.Category, c.ConfirmedPre, c.ConfirmedPost, c.Rationale),
                c.LogIndex, $"{c.Category}: {c.ConfirmedPre} / {c.ConfirmedPost} (confirmed by {c.ConfirmedBy})"));
        }

        foreach (var s in await queries.SafeguardsAsync(system, version, includeInternal: true, cancellationToken))
        {
            items.Add(new SnapshotItem("safeguard", $"safeguard-{s.LogIndex}", Digest(s.Safeguard, s.Standard, s.Status, s.Evidence),
                s.LogIndex, $"{s.Name} ({s.Status})"));
        }

        return items;
    }

    private static string Digest(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts))));
}
