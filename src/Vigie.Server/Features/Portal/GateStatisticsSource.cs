using Vigie.Server.Features.Gate;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Portal;

/// <summary>Release-gate evaluations of public versions: how many ran, were denied, passed with warnings, and rules waived.</summary>
public sealed class GateStatisticsSource(RegistryQueries registry, GateCheckQueries checks) : IGovernanceStatisticsSource
{
    public async Task<StatisticsGroup> StatisticsAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var all = new List<GateCheckQueries.CheckRow>();
        foreach (var system in await registry.ListSystemsAsync(includeInternal: false, cancellationToken))
        {
            all.AddRange((await checks.ListAsync(system.Name, null, includeInternal: false, 100_000, cancellationToken)).Where(c => period.Contains(c.CheckedAt)));
        }

        all.Sort((a, b) => a.LogIndex.CompareTo(b.LogIndex));
        List<long> With(string result) => all.Where(c => c.Result == result).Select(c => c.LogIndex).ToList();
        var waived = all.Where(c => c.Outcomes.Any(o => o.Outcome == "waived")).Select(c => c.LogIndex).ToList();
        return new StatisticsGroup("gate", "Release gate", [
            new("checks", "Gate checks of public versions", all.Count, all.Select(c => c.LogIndex).ToList()),
            new("denied", "Denied (a blocking rule failed)", With("deny").Count, With("deny")),
            new("warnings", "Allowed with warnings", With("allow-with-warnings").Count, With("allow-with-warnings")),
            new("allowed", "Allowed", With("allow").Count, With("allow")),
            new("waived", "Checks where a rule was waived", waived.Count, waived),
        ], "Every gate evaluation is a log entry (gate.checked/v1) naming the policy version and each rule's outcome.");
    }
}
