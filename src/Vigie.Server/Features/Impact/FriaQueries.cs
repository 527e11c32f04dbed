using Vigie.Core.Impact.Rights;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Impact;

/// <summary>How FRIAs and their review decisions are read, by this feature and by others, filtered to what the caller may see.</summary>
public sealed class FriaQueries(Database database)
{
    public sealed record FriaRow(long LogIndex, string System, string Deployment, long Revision, string Version, string DocumentJson, string Sha256,
        string? Note, string Visibility, string RecordedAt, string RecordedBy)
    {
        public FriaDocument Document() =>
            FriaDocument.Parse(DocumentJson).Document
            ?? throw new InvalidOperationException($"Revision {Revision} of the FRIA of {System} / {Deployment} in the projection is not a valid document.");
    }

    public sealed record DecisionRow(string Decision, long LogIndex, string System, string Deployment, long Revision, string Sha256, string Status,
        string Visibility, string OpenedAt, string OpenedBy, string? ClosedAt);

    /// <summary>A revision with what the page and the API show around it: the latest revision's standing, every review decision, and the latest revision number.</summary>
    public sealed record FriaView(FriaRow Row, FriaStatus Status, IReadOnlyList<DecisionRow> Decisions, long Latest);

    private const string Columns =
        "log_index AS LogIndex, system AS System, deployment AS Deployment, revision AS Revision, version AS Version, document_json AS DocumentJson, " +
        "sha256 AS Sha256, note AS Note, visibility AS Visibility, recorded_at AS RecordedAt, recorded_by AS RecordedBy";

    private const string DecisionColumns =
        "decision AS Decision, log_index AS LogIndex, system AS System, deployment AS Deployment, revision AS Revision, sha256 AS Sha256, status AS Status, " +
        "visibility AS Visibility, opened_at AS OpenedAt, opened_by AS OpenedBy, closed_at AS ClosedAt";

    private static string Seen(bool includeInternal) => includeInternal ? "visibility IN ('public', 'internal')" : "visibility = 'public'";

    /// <summary>The latest revision the caller may see of each deployment's FRIA.</summary>
    public async Task<IReadOnlyList<FriaRow>> ListAsync(string system, bool includeInternal, CancellationToken cancellationToken) =>
        [.. (await database.ListAsync<FriaRow>($"SELECT {Columns} FROM rights_fria WHERE system = @system AND {Seen(includeInternal)} ORDER BY deployment, revision",
                new { system }, cancellationToken))
            .GroupBy(r => r.Deployment).Select(g => g.Last())];

    public Task<IReadOnlyList<FriaRow>> RevisionsAsync(string system, string deployment, bool includeInternal, CancellationToken cancellationToken) =>
        database.ListAsync<FriaRow>($"SELECT {Columns} FROM rights_fria WHERE system = @system AND deployment = @deployment AND {Seen(includeInternal)} ORDER BY revision",
            new { system, deployment }, cancellationToken);

    public async Task<FriaRow?> RevisionAsync(string system, string deployment, long revision, bool includeInternal, CancellationToken cancellationToken) =>
        (await database.ListAsync<FriaRow>($"SELECT {Columns} FROM rights_fria WHERE system = @system AND deployment = @deployment AND revision = @revision AND {Seen(includeInternal)}",
            new { system, deployment, revision }, cancellationToken)).SingleOrDefault();

    public async Task<FriaRow?> LatestAsync(string system, string deployment, bool includeInternal, CancellationToken cancellationToken) =>
        (await RevisionsAsync(system, deployment, includeInternal, cancellationToken)).LastOrDefault();

    /// <summary>Revision <paramref name="revision"/> (the latest when null) of a deployment's FRIA as the caller may see it, or null.</summary>
    public async Task<FriaView?> ViewAsync(string system, string deployment, long? revision, bool includeInternal, CancellationToken cancellationToken)
    {
        var revisions = await RevisionsAsync(system, deployment, includeInternal, cancellationToken);
        var row = revision is { } n ? revisions.FirstOrDefault(r => r.Revision == n) : revisions.LastOrDefault();
        if (row is null)
        {
            return null;
        }

        var decisions = await DecisionsAsync(system, deployment, includeInternal, cancellationToken);
        return new FriaView(row, FriaStatus.Of(revisions[^1], decisions), decisions, revisions[^1].Revision);
    }

    /// <summary>The newest revision whatever its visibility (0 when none): what the next must follow.</summary>
    public Task<long> HeadAsync(string system, string deployment, CancellationToken cancellationToken) =>
        database.MaxAsync("SELECT MAX(revision) FROM rights_fria WHERE system = @system AND deployment = @deployment", new { system, deployment }, cancellationToken);

    /// <summary>The latest revision of each deployment's FRIA that deploys <paramref name="version"/> (internal ones too): that version's evidence.</summary>
    public async Task<IReadOnlyList<FriaRow>> ForVersionAsync(string system, string version, CancellationToken cancellationToken) =>
        [.. (await ListAsync(system, includeInternal: true, cancellationToken)).Where(r => r.Version == version)];

    public Task<IReadOnlyList<DecisionRow>> DecisionsAsync(string system, string deployment, bool includeInternal, CancellationToken cancellationToken) =>
        database.ListAsync<DecisionRow>($"SELECT {DecisionColumns} FROM rights_fria_decisions WHERE system = @system AND deployment = @deployment AND {Seen(includeInternal)} ORDER BY log_index",
            new { system, deployment }, cancellationToken);

    public async Task<DecisionRow?> DecisionAsync(string decision, CancellationToken cancellationToken) =>
        (await database.ListAsync<DecisionRow>($"SELECT {DecisionColumns} FROM rights_fria_decisions WHERE decision = @decision", new { decision }, cancellationToken)).SingleOrDefault();

    /// <summary>The system's approved FRIA reviews (internal ones too), in log order: they meet the Art. 27 obligation.</summary>
    public Task<IReadOnlyList<DecisionRow>> ApprovedAsync(string system, CancellationToken cancellationToken) =>
        database.ListAsync<DecisionRow>($"SELECT {DecisionColumns} FROM rights_fria_decisions WHERE system = @system AND status = 'approved' ORDER BY log_index",
            new { system }, cancellationToken);
}
