using Vigie.Server.Features.Portal;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Reports;

/// <summary>
/// The periodic transparency report of the organisation's governance: the statistics of every
/// <see cref="IGovernanceStatisticsSource"/> over the period, the decisions taken, the documents
/// in force and changed, and charts of the data the ledger holds — with a labelled section for
/// what it does not hold.
/// </summary>
public sealed class TransparencyReportBuilder(
    PortalData data, RegistryQueries registry, Cards.CardQueries cards, Impact.ImpactQueries impact, ForecastReportSection forecasts)
{
    public async Task<IReadOnlyList<ReportSection>> BuildAsync(PortalSnapshot snapshot, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var size = snapshot.Checkpoint.Size;
        var statistics = await data.StatisticsAsync(period, cancellationToken);
        var sections = new List<ReportSection>
        {
            new("Governance statistics", statistics.SelectMany(g => StatisticsBlocks(g, size)).ToList()),
        };

        var decisions = snapshot.Decisions.Where(d => d.LogIndex < size && period.Contains(d.OpenedAt)).OrderBy(d => d.LogIndex).ToList();
        sections.Add(new ReportSection("Decisions taken in the period", decisions.Count == 0
            ? [new ReportAbsent("Decisions", "No public decision was opened in the period.")]
            : [new ReportTable(["Decision", "Type", "About", "Status", "Opened"],
                decisions.Select(d => new ReportRow([$"{d.Id} {d.Title}", d.Type, d.System is null ? "" : $"{d.System} {d.Version}", d.Status, d.OpenedAt[..10]], [d.LogIndex])).ToList())]));

        var documents = snapshot.Documents.Where(d => d.LogIndex < size).ToList();
        sections.Add(new ReportSection("Governance documents", documents.Count == 0
            ? [new ReportAbsent("Governance documents", "No charter, policy, framework or waiver has been adopted publicly.")]
            : [new ReportTable(["Document", "Version", "Adopted", "Status"],
                documents.Select(d => new ReportRow([$"{d.Kind}: {d.Name}", d.Version, d.AdoptedAt[..10], d.Active ? "in force" : $"superseded {d.ActiveUntil?[..10]}"], [d.LogIndex])).ToList()),
               new ReportParagraph($"{documents.Count(d => period.Contains(d.AdoptedAt))} document version(s) were adopted in the period.")]));

        sections.Add(new ReportSection("Charts", await ChartsAsync(snapshot, decisions, statistics, cancellationToken)));
        sections.Add(new ReportSection("Capability forecasts", await forecasts.BuildAsync(snapshot, cancellationToken)));
        sections.Add(new ReportSection("Withheld information",
            [new ReportParagraph($"{snapshot.Withheld} entries of the log are internal or confidential. Each is listed, with the reason stated for withholding it, at {{site}}/withheld; "
                + "when one is published its content is checked there against the commitment the log has held since it was written.")]));
        return sections;
    }

    /// <summary>One table per group; a source shared by every figure is said once, under the table.</summary>
    private static IEnumerable<ReportBlock> StatisticsBlocks(StatisticsGroup group, long size)
    {
        var shared = group.Figures.Select(f => f.Source).Distinct().Count() == 1 ? group.Figures.FirstOrDefault()?.Source : null;
        yield return new ReportTable([group.Title, "Value", "Source"],
            group.Figures.Select(f => new ReportRow(
                [f.Label, ReportFormat.Number(f.Value) + (f.Unit is null ? "" : " " + f.Unit), shared is null ? f.Source ?? "the entries counted" : ""],
                f.Entries.Where(e => e < size).ToList())).ToList());
        var note = string.Join(" ", new[] { group.Note, shared }.OfType<string>());
        if (note.Length > 0)
        {
            yield return new ReportParagraph(note);
        }
    }

    private async Task<List<ReportBlock>> ChartsAsync(
        PortalSnapshot snapshot, IReadOnlyList<Decisions.DecisionQueries.DecisionSummary> decisions, IReadOnlyList<StatisticsGroup> statistics, CancellationToken cancellationToken)
    {
        var blocks = new List<ReportBlock>();
        if (decisions.Count > 0)
        {
            blocks.Add(new ReportChart("Decisions opened per month", "decisions",
                decisions.GroupBy(d => d.OpenedAt[..7]).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new ReportBar(g.Key, g.Count(), g.Select(d => d.LogIndex).ToList())).ToList()));
        }
        else
        {
            blocks.Add(new ReportAbsent("Decisions per month", "No public decision in the period: nothing to chart."));
        }

        var concerns = statistics.FirstOrDefault(g => g.Key == "concerns");
        if (concerns is not null && concerns.Figures.FirstOrDefault(f => f.Key == "received")?.Value > 0)
        {
            blocks.Add(new ReportChart("Timeliness of answers to concerns", "concerns",
                concerns.Figures.Where(f => f.Key.StartsWith("ack-", StringComparison.Ordinal) || f.Key.StartsWith("feedback-", StringComparison.Ordinal))
                    .Select(f => new ReportBar(f.Label, f.Value, f.Entries)).ToList()));
        }
        else
        {
            blocks.Add(new ReportAbsent("Timeliness of answers to concerns", "No concern was received in the period: nothing to chart."));
        }

        var incidents = statistics.FirstOrDefault(g => g.Key == "incidents");
        blocks.Add(incidents is not null && incidents.Figures.FirstOrDefault(f => f.Key == "recorded")?.Value > 0
            ? new ReportChart("Incidents recorded, by category", "incidents",
                incidents.Figures.Where(f => f.Key.StartsWith("category-", StringComparison.Ordinal)).Select(f => new ReportBar(f.Label["of which: ".Length..], f.Value, f.Entries)).ToList())
            : new ReportAbsent("Incidents by category", "No incident was recorded in the period: nothing to chart."));

        var compute = new List<ReportBar>();
        var emissions = new List<ReportBar>();
        foreach (var system in snapshot.Systems)
        {
            foreach (var version in system.Versions.Where(v => v.Version.LogIndex < snapshot.Checkpoint.Size))
            {
                var runs = (await registry.ListTrainingRunsAsync(system.System.Name, version.Version.Version, includeInternal: false, cancellationToken))
                    .Where(r => r.ComputeFlop is not null && r.LogIndex < snapshot.Checkpoint.Size).ToList();
                if (version.CardIndex is { } cardIndex && cardIndex < snapshot.Checkpoint.Size
                    && await cards.LatestAsync(system.System.Name, version.Version.Version, includeInternal: false, cancellationToken) is { } card
                    && card.Card().Number("environment.co2eqEmissionsGrams") is { } grams)
                {
                    emissions.Add(new ReportBar($"{system.System.Name} {version.Version.Version}, stated in its card", grams / 1000, [card.LogIndex]));
                }

                var estimated = (await impact.LatestEnergyAsync(system.System.Name, version.Version.Version, includeInternal: false, cancellationToken))
                    .Where(e => e.Co2eKg is not null && e.LogIndex < snapshot.Checkpoint.Size).ToList();
                if (estimated.Count > 0)
                {
                    emissions.Add(new ReportBar($"{system.System.Name} {version.Version.Version}, estimated from {estimated.Count} run(s)",
                        estimated.Sum(e => e.Co2eKg!.Value), estimated.Select(e => e.LogIndex).ToList()));
                }

                if (runs.Count > 0)
                {
                    compute.Add(new ReportBar($"{system.System.Name} {version.Version.Version}", runs.Sum(r => r.ComputeFlop!.Value), runs.Select(r => r.LogIndex).ToList()));
                }
            }
        }

        blocks.Add(compute.Count > 0
            ? new ReportChart("Training compute recorded per version", "FLOP", compute)
            : new ReportAbsent("Training compute", "No public training run with its compute is recorded."));
        blocks.Add(emissions.Count > 0
            ? new ReportChart("Training emissions: stated in model cards, estimated by impact assessments", "kg CO2e", emissions)
            : new ReportAbsent("Emissions", "No public model card states its training emissions, and no impact assessment is recorded."));
        return blocks;
    }
}
