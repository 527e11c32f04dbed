using System.Globalization;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// A version's FRIAs in its decision snapshots: the latest revision of each deployment's FRIA
/// that deploys it. A decision to deploy, or to approve the FRIA, then rests on that revision, and
/// a later revision makes its sign-offs stale.
/// </summary>
public sealed class FriaSnapshotSource(FriaQueries frias) : ISnapshotSource
{
    public async Task<IReadOnlyList<SnapshotItem>> ItemsAsync(string system, string version, CancellationToken cancellationToken) =>
        [.. (await frias.ForVersionAsync(system, version, cancellationToken)).Select(r =>
        {
            var n = r.Revision.ToString(CultureInfo.InvariantCulture);
            return new SnapshotItem("fria", $"fria-{r.Deployment}-r{n}", r.Sha256, r.LogIndex, $"FRIA of deployment {r.Deployment}, revision {n}");
        })];
}
