using System.Globalization;
using System.Text.Json.Nodes;
using Vigie.Core.Impact.Rights;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// A FRIA revision as the API returns it and as it is exported (JSON, and Markdown for filing or
/// for the market surveillance authority, Art. 27(3)): the revision, the document, what is still
/// missing, where its review stands and every review decision.
/// </summary>
public static class FriaJson
{
    public const string Format = "vigie.fria/v1";

    public const string LegalBasis = "Regulation (EU) 2024/1689 (AI Act), Art. 27: fundamental rights impact assessment for high-risk AI systems, before first use";

    public static JsonObject Revision(FriaQueries.FriaView view)
    {
        var (row, status, decisions, latest) = view;
        var document = row.Document();
        return new JsonObject
        {
            ["format"] = Format,
            ["legalBasis"] = LegalBasis,
            ["system"] = row.System,
            ["deployment"] = row.Deployment,
            ["revision"] = row.Revision,
            ["latestRevision"] = latest,
            ["version"] = row.Version,
            ["sha256"] = row.Sha256,
            ["note"] = row.Note,
            ["visibility"] = row.Visibility,
            ["recordedAt"] = row.RecordedAt,
            ["recordedBy"] = row.RecordedBy,
            ["index"] = row.LogIndex,
            ["status"] = row.Revision == latest ? status.Status : ReviewOf(row, decisions),
            ["approvedRevision"] = status.ApprovedRevision,
            ["complete"] = document.Complete,
            ["missing"] = new JsonArray([.. document.Missing.Select(f => (JsonNode)new JsonObject { ["field"] = f.Name, ["point"] = f.Point, ["label"] = f.Label })]),
            ["decisions"] = new JsonArray([.. decisions.Select(d => (JsonNode)new JsonObject
            {
                ["id"] = d.Decision, ["revision"] = d.Revision, ["status"] = d.Status, ["openedAt"] = d.OpenedAt, ["openedBy"] = d.OpenedBy, ["closedAt"] = d.ClosedAt,
            })]),
            ["document"] = document.ToJsonObject(),
        };
    }

    public static JsonObject Summary(FriaQueries.FriaRow row, FriaStatus status) => new()
    {
        ["deployment"] = row.Deployment,
        ["revision"] = row.Revision,
        ["version"] = row.Version,
        ["status"] = status.Status,
        ["approvedRevision"] = status.ApprovedRevision,
        ["complete"] = row.Document().Complete,
        ["recordedAt"] = row.RecordedAt,
        ["recordedBy"] = row.RecordedBy,
        ["visibility"] = row.Visibility,
    };

    public static string Markdown(FriaQueries.FriaView view)
    {
        var (row, status, decisions, latest) = view;
        var n = row.Revision.ToString(CultureInfo.InvariantCulture);
        var reviewed = decisions.Where(d => d.Revision == row.Revision).Select(d => $"{d.Decision} {d.Status}" + (d.ClosedAt is null ? "" : $" at {d.ClosedAt}")).ToList();
        var facts = new List<KeyValuePair<string, string>>
        {
            new("System", $"{row.System}@{row.Version}"),
            new("Deployment", row.Deployment),
            new("Revision", $"{n} of {latest.ToString(CultureInfo.InvariantCulture)}, recorded {row.RecordedAt} by {row.RecordedBy} (log entry {row.LogIndex.ToString(CultureInfo.InvariantCulture)})"),
            new("SHA-256", row.Sha256),
            new("Status", row.Revision == latest ? status.Status : ReviewOf(row, decisions)),
            new("Review decisions", reviewed.Count == 0 ? "none yet" : string.Join("; ", reviewed)),
            new("Legal basis", LegalBasis),
        };
        return FriaMarkdown.Write($"Fundamental rights impact assessment: {row.System} / {row.Deployment}", facts, row.Document());
    }

    /// <summary>An older revision's standing: what its own review decided, if anything.</summary>
    private static string ReviewOf(FriaQueries.FriaRow row, IReadOnlyList<FriaQueries.DecisionRow> decisions) =>
        FriaStatus.Name(decisions.LastOrDefault(d => d.Revision == row.Revision)?.Status, "superseded");
}
