using System.Globalization;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Cards;

/// <summary>
/// A version's model card in its decision snapshots: the latest material revision (internal
/// ones too). Editorial revisions are left out on purpose, so fixing a typo does not make
/// sign-offs stale.
/// </summary>
public sealed class CardSnapshotSource(CardQueries cards) : ISnapshotSource
{
    public async Task<IReadOnlyList<SnapshotItem>> ItemsAsync(string system, string version, CancellationToken cancellationToken)
    {
        var row = await cards.LatestMaterialAsync(system, version, cancellationToken);
        if (row is null)
        {
            return [];
        }

        var n = row.Revision.ToString(CultureInfo.InvariantCulture);
        return [new SnapshotItem("card", "card-r" + n, row.CardSha256, row.LogIndex, $"Model card, revision {n}")];
    }
}
