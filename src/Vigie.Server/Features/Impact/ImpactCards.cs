using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigie.Core.Formats.ModelCards;
using Vigie.Core.Impact;
using Vigie.Server.Features.Cards;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// Writes a version's recorded impact figures onto its model card as a new card revision, through
/// <see cref="CardRevisions"/> (the one way a card changes; ADR 0012): training energy (facility
/// kWh, with PUE) and how it was estimated, location-based emissions and their source, and the
/// training compute with lineage. It is asked for, not automatic: a card revision is a statement
/// someone makes, and the card's exports must stay a pure function of a reviewed revision.
/// </summary>
public sealed class ImpactCards(ImpactQueries impact, ImpactSummaries summaries, CardQueries cards, CardRevisions revisions, RegistryQueries registry)
{
    private const int MethodBudget = 19_000;

    public sealed record Outcome(int Status, CardWriteOutcome? Written, string? Error);

    public async Task<Outcome> WriteAsync(string actor, string system, string version, string? note, CancellationToken cancellationToken)
    {
        if (await registry.GetVersionAsync(system, version, includeInternal: true, cancellationToken) is null)
        {
            return new(StatusCodes.Status404NotFound, null, $"No version {system}@{version} is registered.");
        }

        var rows = await impact.LatestEnergyAsync(system, version, includeInternal: true, cancellationToken);
        if (rows.Count == 0)
        {
            return new(StatusCodes.Status409Conflict, null,
                $"No energy estimate is recorded for {system}@{version}: record one first (vigie impact record-run {system} {version} RUN --accelerator H100-SXM --region FR).");
        }

        var totals = (await summaries.TotalsAsync(system, version, includeInternal: true, cancellationToken))!;
        var (_, withLineage) = await registry.ComputeAsync(system, version, cancellationToken);
        var entries = string.Join(", ", rows.Take(20).Select(r => r.LogIndex.ToString(CultureInfo.InvariantCulture))) + (rows.Count > 20 ? " …" : "");
        var figures = new ImpactCardFigures(totals.FacilityKwh, totals.Co2eKg * 1000, Method(rows),
            $"Vigie impact estimate, location-based (log entries {entries})", withLineage);

        var head = await cards.HeadAsync(system, version, cancellationToken);
        var current = head == 0 ? ModelCard.Empty : (await cards.RevisionAsync(system, version, head, includeInternal: true, cancellationToken))!.Card();
        var applied = ImpactCard.Apply(current, figures);
        if (!applied.Succeeded)
        {
            return new(StatusCodes.Status400BadRequest, null, "The card with the impact figures is not valid: " + string.Join("; ", applied.Issues.Select(i => i.ToString())));
        }

        // The figures are never more public than the estimates they come from.
        var visibility = rows.Any(r => r.Visibility != "public") ? "internal" : null;
        var write = new CardWrite(system, version, applied.Card!, head, Material: true,
            note ?? $"Impact figures from the energy estimates in log entries {entries}", visibility);
        return new(StatusCodes.Status200OK, await revisions.ReviseAsync(actor, write, cancellationToken), null);
    }

    /// <summary>How the figures were estimated, run by run, with every input's origin and source (cut to fit the card field).</summary>
    private static string Method(IReadOnlyList<ImpactQueries.EnergyRow> rows)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Estimated by Vigie from {rows.Count} training run{(rows.Count == 1 ? "" : "s")} recorded in the log; figures are facility energy (IT energy × PUE)."));
        foreach (var row in rows)
        {
            using var doc = JsonDocument.Parse(row.EstimateJson);
            var e = doc.RootElement;
            var run = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"\n\nRun '{row.Run}' (log entry {row.LogIndex}): {row.FacilityKwh:0.#} kWh"));
            run.Append(row.Co2eKg is { } kg ? string.Create(CultureInfo.InvariantCulture, $", {kg:0.#} kg CO2e") : ", CO2e not estimated").Append(". ");
            run.Append(e.GetProperty("method").GetString());
            foreach (var i in e.GetProperty("inputs").EnumerateArray())
            {
                run.Append(CultureInfo.InvariantCulture, $"\n- {i.GetProperty("name").GetString()} = {i.GetProperty("value").GetDouble():G6} {i.GetProperty("unit").GetString()} ({i.GetProperty("origin").GetString()}: {i.GetProperty("source").GetString()})");
            }

            if (text.Length + run.Length > MethodBudget)
            {
                text.Append("\n\nFurther runs: see GET /api/v1/systems/{system}/versions/{version}/impact.");
                break;
            }

            text.Append(run);
        }

        return text.ToString();
    }
}
