using Vigie.Server.Features.Decisions;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Witnesses;

namespace Vigie.Server.Features.Portal;

/// <summary>
/// Everything the portal's overview pages show, read once per published checkpoint: the
/// checkpoint itself, public systems with their versions and cards, public decisions, governance
/// documents from every <see cref="IGovernanceDocumentSource"/>, and statistics over the whole log.
/// </summary>
public sealed record PortalSnapshot(
    WitnessedCheckpoint Checkpoint,
    IReadOnlyList<PortalSnapshot.SystemView> Systems,
    IReadOnlyList<DecisionQueries.DecisionSummary> Decisions,
    IReadOnlyList<GovernanceDocument> Documents,
    IReadOnlyList<StatisticsGroup> Statistics,
    long Withheld)
{
    public sealed record SystemView(RegistryQueries.SystemRow System, IReadOnlyList<VersionView> Versions);

    public sealed record VersionView(RegistryQueries.VersionRow Version, long? CardRevision, long? CardIndex, string? CardSha256);

    /// <summary>Whether an entry is covered by the published checkpoint, so its inclusion can be proven now.</summary>
    public bool Covers(long index) => index < Checkpoint.Size;
}
