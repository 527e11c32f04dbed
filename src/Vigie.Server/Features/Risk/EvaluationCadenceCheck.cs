using System.Globalization;
using Vigie.Core.Ledger;
using Vigie.Core.Risk;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// The evaluation trigger (issue 5): a system is due when it has never had a full evaluation —
/// every threshold of every tracked category measured on one version — or when its latest
/// version's effective compute is the framework's multiple (default 2x) of that version's, or when
/// the framework's months (default 3) have passed since.
/// </summary>
public sealed class EvaluationCadenceCheck(RiskQueries queries, RegistryQueries registry, TimeProvider time)
{
    public sealed record DueRow(
        string System, string? LatestVersion, double? LatestComputeFlop, string? LastFullVersion, double? LastFullComputeFlop, string? LastFullAt,
        bool Due, string Reason, string? NextDueAt, double? NextDueComputeFlop);

    public async Task<IReadOnlyList<DueRow>?> CheckAsync(CancellationToken cancellationToken)
    {
        if (await queries.CurrentFrameworkAsync(cancellationToken) is not { } row)
        {
            return null;
        }

        var framework = row.Framework;
        var list = new List<DueRow>();
        foreach (var system in await registry.ListSystemsAsync(includeInternal: true, cancellationToken))
        {
            list.Add(await CheckAsync(framework, system.Name, cancellationToken));
        }

        return list;
    }

    private async Task<DueRow> CheckAsync(Framework framework, string system, CancellationToken cancellationToken)
    {
        var versions = await registry.ListVersionsAsync(system, includeInternal: true, cancellationToken);
        if (versions.Count == 0)
        {
            return new DueRow(system, null, null, null, null, null, false, "No versions registered yet.", null, null);
        }

        var computes = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var v in versions)
        {
            computes[v.Version] = await registry.TotalComputeFlopAsync(system, v.Version, cancellationToken);
        }

        var latest = versions.MaxBy(v => (computes[v.Version], v.LogIndex))!;
        var latestCompute = computes[latest.Version] > 0 ? computes[latest.Version] : (double?)null;
        var evaluations = await queries.EvaluationsAsync(system, null, includeInternal: true, cancellationToken);
        (string Version, double? Compute, DateTimeOffset At)? full = null;
        foreach (var v in versions)
        {
            var observed = await queries.ObservedAsync(system, v.Version, includeInternal: true, cancellationToken);
            var tracked = framework.Categories.Where(c => c.Tracked).SelectMany(c => c.Thresholds).ToList();
            if (tracked.Count == 0 || tracked.Any(t => ScorecardDerivation.Matching(t, observed, MitigationStage.Pre).Count == 0))
            {
                continue;
            }

            var at = evaluations.Where(e => e.Version == v.Version).Max(e => DateTimeOffset.Parse(e.ImportedAt, CultureInfo.InvariantCulture));
            var compute = evaluations.Where(e => e.Version == v.Version).Max(e => e.EffectiveFlop) ?? (computes[v.Version] > 0 ? computes[v.Version] : null);
            if (full is null || at > full.Value.At)
            {
                full = (v.Version, compute, at);
            }
        }

        var cadence = framework.Cadence;
        if (full is not { } f)
        {
            return new DueRow(system, latest.Version, latestCompute, null, null, null, true,
                $"No version has had a full evaluation (every threshold of every tracked category of {framework.Ref} measured).", null, null);
        }

        var nextAt = f.At.AddMonths(cadence.Months);
        var nextCompute = f.Compute * cadence.ComputeMultiple;
        var now = time.GetUtcNow();
        var reasons = new List<string>();
        if (latestCompute is { } lc && nextCompute is { } nc && lc >= nc)
        {
            reasons.Add($"{latest.Version} has {lc / f.Compute!.Value:0.##}x the effective compute of {f.Version}, the last fully evaluated version (the cadence is every {cadence.ComputeMultiple:G3}x)");
        }

        if (now >= nextAt)
        {
            reasons.Add($"{cadence.Months} months have passed since the last full evaluation ({LedgerTime.Format(f.At)})");
        }

        return new DueRow(system, latest.Version, latestCompute, f.Version, f.Compute, LedgerTime.Format(f.At), reasons.Count > 0,
            reasons.Count > 0 ? string.Join("; ", reasons) + "." : $"Not due: next at {LedgerTime.Format(nextAt)}{(nextCompute is { } n ? $" or at {CapabilityForecaster.Flop(n)}" : "")}, whichever comes first.",
            LedgerTime.Format(nextAt), nextCompute);
    }
}
