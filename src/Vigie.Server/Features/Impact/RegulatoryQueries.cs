using System.Globalization;
using System.Text.Json;
using Vigie.Core.Impact;
using Vigie.Core.Impact.Obligations;
using Vigie.Core.Impact.Rights;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// Which regimes apply to a system and what it owes, derived from ledger facts: the public query
/// other features use (the incidents feature asks <see cref="ViewAsync"/> which incident regimes
/// apply rather than re-deriving them from compute). Reads the registry only through its queries.
/// </summary>
public sealed class RegulatoryQueries(RegistryQueries registry, ImpactQueries impact, TimeProvider time)
{
    /// <summary>The system's regimes and obligations now, or null when the system is not registered.</summary>
    public async Task<RegulatoryView?> ViewAsync(string system, CancellationToken cancellationToken)
    {
        var facts = await FactsAsync(system, cancellationToken);
        return facts is null ? null : ObligationRules.Evaluate(facts, time.GetUtcNow());
    }

    public async Task<RegulatoryFacts?> FactsAsync(string system, CancellationToken cancellationToken)
    {
        if (await registry.GetSystemAsync(system, includeInternal: true, cancellationToken) is null)
        {
            return null;
        }

        var (eu, frontier) = await CrossingsAsync(system, cancellationToken);
        var revenue = (await impact.RevenueAsync(cancellationToken)).GroupBy(r => (int)r.Year).ToDictionary(g => g.Key, g => g.MaxBy(r => r.LogIndex)!.RevenueUsd);
        var production = (await registry.AliasHistoryAsync(system, "production", includeInternal: true, cancellationToken)).FirstOrDefault();
        var classification = await impact.ClassificationAsync(system, includeInternal: true, cancellationToken);
        var met = (await impact.MetAsync(system, includeInternal: true, cancellationToken))
            .Select(m => new ObligationMet(m.Obligation, Parse(m.RecordedAt), m.Reference, m.Note, m.LogIndex, m.RecordedBy)).ToList();
        return new RegulatoryFacts(system, eu, frontier, revenue, production is null ? null : Parse(production.MovedAt),
            classification is null ? null : ReadClassification(classification.ResultJson), met);
    }

    /// <summary>
    /// When the system's cumulative compute first went over 10^25 and 10^26 FLOP: runs are
    /// replayed in log order, and after each one every version's total with its lineage inside
    /// the system (base versions count: SB 53 and the AI Act count fine-tuning on top) is compared.
    /// </summary>
    public async Task<(ThresholdCrossing? Eu, ThresholdCrossing? Frontier)> CrossingsAsync(string system, CancellationToken cancellationToken)
    {
        var versions = await registry.ListVersionsAsync(system, includeInternal: true, cancellationToken);
        var runs = new List<(string Version, RegistryQueries.TrainingRunRow Run)>();
        foreach (var v in versions)
        {
            runs.AddRange((await registry.ListTrainingRunsAsync(system, v.Version, includeInternal: true, cancellationToken)).Select(r => (v.Version, r)));
        }

        var bases = versions.ToDictionary(v => v.Version,
            v => v.BaseVersion is { } b && RegistryNames.TryParseSubject(b, out var bs, out var bv) && bs == system ? bv : null, StringComparer.Ordinal);
        var own = new Dictionary<string, double>(StringComparer.Ordinal);
        ThresholdCrossing? eu = null, frontier = null;
        foreach (var (version, run) in runs.OrderBy(r => r.Run.LogIndex))
        {
            own[version] = own.GetValueOrDefault(version) + (run.ComputeFlop ?? 0);
            var max = versions.Max(v => Lineage(v.Version, bases, own));
            var at = Parse(run.RecordedAt);
            if (eu is null && ComputeThresholds.EuSystemicRisk.IsCrossedBy(max))
            {
                eu = new ThresholdCrossing(at, version, run.Run, run.LogIndex, max);
            }

            if (frontier is null && ComputeThresholds.Sb53Frontier.IsCrossedBy(max))
            {
                frontier = new ThresholdCrossing(at, version, run.Run, run.LogIndex, max);
            }
        }

        return (eu, frontier);
    }

    private static double Lineage(string version, Dictionary<string, string?> bases, Dictionary<string, double> own)
    {
        double total = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? v = version; v is not null && seen.Add(v) && seen.Count <= 32; v = bases.GetValueOrDefault(v))
        {
            total += own.GetValueOrDefault(v);
        }

        return total;
    }

    public static AiActClassification ReadClassification(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        IReadOnlyList<AiActFinding> Findings(string name) =>
            [.. r.GetProperty(name).EnumerateArray().Select(f => new AiActFinding(f.GetProperty("article").GetString()!, f.GetProperty("text").GetString()!))];
        return new AiActClassification(r.GetProperty("tier").GetString()!, r.GetProperty("generalPurpose").GetBoolean(), r.GetProperty("systemicRisk").GetBoolean(),
            r.GetProperty("art6Exempt").GetBoolean(), Findings("reasons"), Findings("obligations"));
    }

    private static DateTimeOffset Parse(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
