using System.Globalization;
using Vigie.Core.Concerns;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// The incident regimes a system's obligations imply. Until the obligations feature (issue 6)
/// can say which laws apply to a system, this is derived from the registry's training compute
/// with lineage (RegistryQueries.TotalComputeFlopAsync): above 10^26 FLOP a frontier model under
/// SB 53 (Bus. &amp; Prof. Code §22757.11) and the RAISE Act; above 10^25 FLOP a general-purpose
/// AI model with systemic risk (AI Act Art. 51(2)), whose serious incidents the Code of Practice
/// covers. Only this class knows the rule, so it can be switched to the obligations feature.
/// A regime is implied only for incidents discovered once it is in force.
/// </summary>
public sealed class ImpliedRegimes(RegistryQueries registry)
{
    public const double FrontierFlop = 1e26;
    public const double SystemicRiskFlop = 1e25;

    /// <summary>When each regime's incident duty took effect (../shared/reference/REGULATIONS.md).</summary>
    private static readonly (IncidentRegime Regime, DateOnly InForce, double Threshold, string Why)[] Rules =
    [
        (IncidentRegime.Sb53, new DateOnly(2026, 1, 1), FrontierFlop, "a frontier model under California SB 53 (more than 10^26 FLOP)"),
        (IncidentRegime.Raise, new DateOnly(2027, 1, 1), FrontierFlop, "a frontier model under the New York RAISE Act (more than 10^26 FLOP)"),
        (IncidentRegime.GpaiCodeOfPractice, new DateOnly(2025, 8, 2), SystemicRiskFlop,
            "a general-purpose AI model with systemic risk under EU AI Act Art. 51(2) (more than 10^25 FLOP), covered by the Code of Practice"),
    ];

    /// <summary>
    /// The regimes implied for an incident on <paramref name="system"/> (and <paramref name="version"/>,
    /// when known; otherwise the system's most-trained version counts) discovered at <paramref name="discoveredAt"/>.
    /// </summary>
    public async Task<IReadOnlyList<IncidentEntries.ImpliedRegime>> ForAsync(
        string? system, string? version, DateTimeOffset discoveredAt, CancellationToken cancellationToken)
    {
        if (system is null)
        {
            return [];
        }

        var (subject, flop) = await ComputeAsync(system, version, cancellationToken);
        if (subject is null)
        {
            return [];
        }

        var day = DateOnly.FromDateTime(discoveredAt.UtcDateTime);
        return Rules
            .Where(r => flop > r.Threshold && day >= r.InForce)
            .Select(r => new IncidentEntries.ImpliedRegime(IncidentNames.Name(r.Regime),
                string.Create(CultureInfo.InvariantCulture, $"{subject} was trained with {flop:0.###e+00} FLOP including its base versions: {r.Why}")))
            .ToList();
    }

    private async Task<(string? Subject, double Flop)> ComputeAsync(string system, string? version, CancellationToken cancellationToken)
    {
        var versions = version is not null
            ? [version]
            : (await registry.ListVersionsAsync(system, includeInternal: true, cancellationToken)).Select(v => v.Version).ToList();
        string? best = null;
        var most = 0.0;
        foreach (var v in versions)
        {
            var flop = await registry.TotalComputeFlopAsync(system, v, cancellationToken);
            if (flop > most)
            {
                (best, most) = (RegistryNames.Subject(system, v), flop);
            }
        }

        return (best, most);
    }
}
