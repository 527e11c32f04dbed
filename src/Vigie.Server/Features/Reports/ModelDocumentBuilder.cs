using Vigie.Core.Formats.ModelCards;
using Vigie.Server.Features.Cards;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Features.Portal;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Reports;

/// <summary>
/// The per-model documents — SB 53 transparency report, EU AI Act Annex XI technical
/// documentation, Code of Practice Model Report — built from the version's public model card
/// (field by field, in the order and with the clauses of the matching card profile), its
/// deployments, the risk assessment under the framework in force (SB 53 and Model Report), the
/// decisions taken about it with their sign-offs and dissent, and its training runs.
/// </summary>
public sealed class ModelDocumentBuilder(RegistryQueries registry, CardQueries cards, DecisionQueries decisions, RiskAssessmentSection risk)
{
    public static CardProfile ProfileOf(string kind) => kind switch
    {
        ReportKinds.Sb53 => CardProfiles.Sb53Transparency,
        ReportKinds.AnnexXi => CardProfiles.EuAnnexXi,
        _ => CardProfiles.CopModelReport,
    };

    /// <summary>The sections, or null when the system or version is not public.</summary>
    public async Task<(string Subject, IReadOnlyList<ReportSection> Sections)?> BuildAsync(
        string kind, string system, string? version, PortalSnapshot snapshot, CancellationToken cancellationToken)
    {
        var size = snapshot.Checkpoint.Size;
        var entry = snapshot.Systems.FirstOrDefault(s => s.System.Name == system && s.System.LogIndex < size);
        var chosen = entry?.Versions.Where(v => v.Version.LogIndex < size)
            .LastOrDefault(v => version is null ? v.CardRevision is not null : v.Version.Version == version)
            ?? (version is null ? entry?.Versions.LastOrDefault(v => v.Version.LogIndex < size) : null);
        if (entry is null || chosen is null)
        {
            return null;
        }

        var v = chosen.Version;
        var card = await cards.LatestAsync(system, v.Version, includeInternal: false, cancellationToken) is { } row && row.LogIndex < size ? row : null;
        var profile = ProfileOf(kind);
        var sections = new List<ReportSection>
        {
            new("The model", [new ReportFacts([
                new("System", $"{entry.System.Name} — {entry.System.Purpose ?? "purpose not stated"}", [entry.System.LogIndex]),
                new("Version", $"{v.Version} ({v.Kind}, {v.Status})", [v.LogIndex]),
                new("Weights SHA-256", v.WeightsSha256, v.WeightsSha256 is null ? [] : [v.LogIndex]),
                new("Model card", card is null ? null : $"revision {card.Revision} of {card.RevisedAt[..10]}, SHA-256 {card.CardSha256}", card is null ? [] : [card.LogIndex]),
            ])]),
            new(profile.Title, FieldsOf(profile, card)),
        };

        var aliases = (await registry.AliasHistoryAsync(system, null, includeInternal: false, cancellationToken)).Where(a => a.LogIndex < size).ToList();
        sections.Add(new ReportSection("Deployments", aliases.Count == 0
            ? [new ReportAbsent("Deployments", "No public deployment (alias move) of this system is recorded.")]
            : [new ReportTable(["Alias", "Version", "Approved by decision", "Moved"],
                aliases.Select(a => new ReportRow([a.Alias, a.Version, a.Decision, a.MovedAt[..10]], [a.LogIndex])).ToList())]));

        if (kind is ReportKinds.Sb53 or ReportKinds.ModelReport)
        {
            sections.Add(new ReportSection(kind == ReportKinds.Sb53 ? "Catastrophic-risk assessment" : "Systemic-risk assessment",
                await risk.BuildAsync(system, v.Version, snapshot, cancellationToken)));
        }

        sections.Add(new ReportSection("Decisions and who took them", await DecisionBlocksAsync(snapshot, system, v.Version, cancellationToken)));

        var runs = (await registry.ListTrainingRunsAsync(system, v.Version, includeInternal: false, cancellationToken)).Where(r => r.LogIndex < size).ToList();
        sections.Add(new ReportSection("Training runs and compute", runs.Count == 0
            ? [new ReportAbsent("Training runs", "No public training run of this version is recorded.")]
            : [new ReportTable(["Run", "Dates", "Hardware", "Accelerator hours", "Compute (FLOP)"],
                runs.Select(r => new ReportRow([r.Run, $"{r.StartedOn} – {r.EndedOn}", r.Hardware ?? "", r.AcceleratorHours is { } h ? ReportFormat.Number(h) : "", r.ComputeFlop is { } f ? ReportFormat.Number(f) : ""], [r.LogIndex])).ToList()),
               new ReportFacts([new("Total training compute recorded", ReportFormat.Number(runs.Sum(r => r.ComputeFlop ?? 0)) + " FLOP", runs.Select(r => r.LogIndex).ToList())])]));
        if (kind == ReportKinds.Sb53)
        {
            sections.Add(new ReportSection("Redactions", [new ReportParagraph(
                "This report contains public entries only. Information withheld from it is listed at {site}/withheld with the reason stated for withholding each item "
                + "(Cal. Bus. & Prof. Code §22757.12(e)); the unredacted entries stay in the log as salted commitments and can be published and checked against them.")]));
        }

        return ($"{system} {v.Version}", sections);
    }

    private static List<ReportBlock> FieldsOf(CardProfile profile, CardQueries.RevisionRow? card)
    {
        var blocks = new List<ReportBlock> { new ReportParagraph(profile.Source) };
        if (card is null)
        {
            blocks.Add(new ReportAbsent("Model card", "This version has no public model card, so none of the fields below is recorded."));
        }

        var model = card?.Card();
        blocks.Add(new ReportFacts(profile.Requirements.Select(r => new ReportFact(
            CardSchema.Find(r.Path)?.Label ?? r.Path,
            model is null ? null : ReportFormat.Card(model.Get(r.Path)),
            card is null || model?.Has(r.Path) != true ? [] : [card.LogIndex],
            r.Citation)).ToList()));
        return blocks;
    }

    private async Task<List<ReportBlock>> DecisionBlocksAsync(PortalSnapshot snapshot, string system, string version, CancellationToken cancellationToken)
    {
        var size = snapshot.Checkpoint.Size;
        var blocks = new List<ReportBlock>();
        foreach (var summary in snapshot.Decisions.Where(d => d.System == system && d.Version == version && d.LogIndex < size).OrderBy(d => d.LogIndex))
        {
            if (await decisions.GetAsync(summary.LogIndex, includeInternal: false, cancellationToken) is not { } detail)
            {
                continue;
            }

            var view = DecisionView.Of(detail, viewer: null);
            blocks.Add(new ReportFacts([new($"{view.Id}: {view.Title}", $"{view.Type}, {view.Status}; opened {view.OpenedAt[..10]} by {view.OpenedBy} under charter {view.Charter.Name} v{view.Charter.Version}", [view.Index])]));
            blocks.Add(new ReportTable(["Role", "Signer", "Verdict", "Justification or comment"],
                view.SignOffs.Where(o => o.Index < size).Select(o => new ReportRow(
                    [view.Stages.FirstOrDefault(s => s.Name == o.Stage)?.Role ?? o.Stage, o.Signer, o.Verdict + (o.Stale ? " (stale)" : ""), o.Justification ?? o.Comment ?? ""], [o.Index])).ToList()));
            foreach (var d in view.Dissent.Where(d => d.Index < size))
            {
                blocks.Add(new ReportFacts([new($"Dissent by {d.Author}", d.StatementWithheld ? $"Statement confidential. Stated reason: {d.ConfidentialReason}" : d.Statement, [d.Index])]));
            }
        }

        if (blocks.Count == 0)
        {
            blocks.Add(new ReportAbsent("Decisions", "No public decision about this version is recorded."));
        }

        return blocks;
    }
}
