using Vigie.Server.Features.Incidents;
using Vigie.Server.Features.Portal;
using Vigie.Server.Features.Risk;

namespace Vigie.Server.Features.Reports;

/// <summary>
/// For the SB 53 report and the Model Report: the version's catastrophic-risk assessment as the
/// ledger holds it — each category of the framework in force with its level before and after
/// mitigation, derived from public evaluations or confirmed by a person with a rationale
/// (Cal. Bus. &amp; Prof. Code §22757.12(c)(2)(A)–(B)), the safeguards recorded, and the number of
/// incidents recorded about the system (counts only: incident records are never public).
/// </summary>
public sealed class RiskAssessmentSection(ScorecardService scorecards, IncidentQueries incidents)
{
    public async Task<IReadOnlyList<ReportBlock>> BuildAsync(string system, string version, PortalSnapshot snapshot, CancellationToken cancellationToken)
    {
        var size = snapshot.Checkpoint.Size;
        var blocks = new List<ReportBlock>();
        if (await scorecards.BuildAsync(system, version, includeInternal: false, cancellationToken) is not { } card || card.Framework.LogIndex >= size)
        {
            blocks.Add(new ReportAbsent("Risk assessment", "No capability-risk framework is in force, so no catastrophic-risk assessment is recorded."));
        }
        else
        {
            blocks.Add(new ReportParagraph($"Assessed under the framework {card.Framework.Name} version {card.Framework.Version} (log entry #{card.Framework.LogIndex}). "
                + "A level is derived from the public evaluations below; a person may confirm or override it with a rationale, which the log keeps beside the derivation."));
            blocks.Add(new ReportTable(["Category", "Before mitigation", "After mitigation", "How it was set"],
                card.Categories.Select(c => new ReportRow([
                    c.Category.Name + (c.Category.Tracked ? "" : " (research, not gating)"),
                    c.Pre ?? "unknown", c.Post ?? "unknown",
                    c.Confirmation is { } k && k.LogIndex < size
                        ? $"confirmed by {k.ConfirmedBy} on {k.ConfirmedAt[..10]}: {k.Rationale}" + (c.Stale ? " (the evidence changed since)" : "")
                        : $"derived: {c.Derived.Pre.Reason}",
                ], Entries(c, size))).ToList()));
            var evaluations = card.Evaluations.Where(e => e.LogIndex < size).ToList();
            blocks.Add(evaluations.Count == 0
                ? new ReportAbsent("Evaluations", "No public evaluation of this version is recorded.")
                : new ReportTable(["Evaluation", "Harness", "Stage", "Imported"],
                    evaluations.Select(e => new ReportRow([e.Name, e.Harness ?? e.Format, e.Stage, e.ImportedAt[..10]], [e.LogIndex])).ToList()));
            var safeguards = card.Safeguards.Where(s => s.LogIndex < size).ToList();
            blocks.Add(safeguards.Count == 0
                ? new ReportAbsent("Safeguards", "No public safeguard is recorded for this version.")
                : new ReportTable(["Safeguard", "Standard", "Status"],
                    safeguards.Select(s => new ReportRow([s.Name, s.Standard, s.Status], [s.LogIndex])).ToList()));
        }

        var recorded = (await incidents.ListAsync(status: null, system, limit: 1_000_000, cancellationToken)).Where(i => i.LogIndex < size).OrderBy(i => i.LogIndex).ToList();
        var sent = (await incidents.SubmissionsAsync(recorded.Select(i => i.LogIndex).ToList(), cancellationToken)).Where(s => s.LogIndex < size).ToList();
        blocks.Add(new ReportFacts([
            new("Incidents recorded about this system", $"{recorded.Count}, of which {recorded.Count(i => i.IsOpen)} open", recorded.Select(i => i.LogIndex).ToList()),
            new("Incident reports sent to an authority", sent.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), sent.Select(s => s.LogIndex).ToList(),
                "Cal. Bus. & Prof. Code §22757.13: critical safety incidents are reported to the Office of Emergency Services; their content stays in withheld entries"),
        ]));
        return blocks;
    }

    /// <summary>The confirmation when a person set the level, else the evaluations the derivation read.</summary>
    private static List<long> Entries(ScorecardCategory category, long size)
    {
        if (category.Confirmation is { } k && k.LogIndex < size)
        {
            return [k.LogIndex];
        }

        return category.Derived.PreFindings.Concat(category.Derived.PostFindings)
            .Select(f => f.EvaluationId is { } id && RiskIds.TryParseEvaluation(id, out var index) ? index : -1)
            .Where(i => i >= 0 && i < size).Distinct().Order().ToList();
    }
}
