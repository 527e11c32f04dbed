using System.Text.Json.Nodes;
using Vigie.Core.Impact.Obligations;
using Vigie.Core.Impact.Rights;

namespace Vigie.Server.Features.Impact;

/// <summary>The JSON of classifications and regulatory views, in the API, the ledger and the dossier.</summary>
public static class ImpactApiJson
{
    public static JsonObject Classification(AiActClassification c) => new()
    {
        ["tier"] = c.Tier,
        ["generalPurpose"] = c.GeneralPurpose,
        ["systemicRisk"] = c.SystemicRisk,
        ["art6Exempt"] = c.Art6Exempt,
        ["reasons"] = Findings(c.Reasons),
        ["obligations"] = Findings(c.Obligations),
    };

    public static JsonObject View(RegulatoryView v) => new()
    {
        ["system"] = v.System,
        ["asOf"] = Time(v.AsOf),
        ["regimes"] = new JsonArray([.. v.Regimes.Select(r => (JsonNode)new JsonObject { ["id"] = r.Id, ["name"] = r.Name, ["applies"] = r.Applies, ["why"] = r.Why })]),
        ["incidentRegimes"] = new JsonArray([.. v.IncidentRegimes.Select(r => (JsonNode)r)]),
        ["obligations"] = new JsonArray([.. v.Obligations.Select(o => (JsonNode)new JsonObject
        {
            ["id"] = o.Id,
            ["regime"] = o.Regime,
            ["title"] = o.Title,
            ["legalBasis"] = o.LegalBasis,
            ["dueAt"] = o.DueAt is { } d ? Time(d) : null,
            ["dueBasis"] = o.DueBasis,
            ["status"] = o.Status,
            ["metBy"] = o.MetBy is { } m ? new JsonObject { ["reference"] = m.Reference, ["recordedAt"] = Time(m.At), ["recordedBy"] = m.By, ["index"] = m.LogIndex, ["note"] = m.Note } : null,
        })]),
    };

    public static string Time(DateTimeOffset t) => Vigie.Core.Ledger.LedgerTime.Format(t);

    private static JsonArray Findings(IEnumerable<AiActFinding> findings) =>
        new([.. findings.Select(f => (JsonNode)new JsonObject { ["article"] = f.Article, ["text"] = f.Text })]);
}
