using Vigie.Server.Features.Impact;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// The incident regimes a system's obligations imply, as the obligations feature derives them
/// (<see cref="RegulatoryQueries.ViewAsync"/>: SB 53 for a frontier developer, RAISE for a large
/// one, the AI Act's Art. 73 for a system classified high-risk, the Code of Practice for a model
/// with systemic risk), each with the reason it gives. Only this class asks, so the register
/// follows whatever that feature learns. A regime is implied only for incidents discovered once
/// its incident duty applies.
/// </summary>
public sealed class ImpliedRegimes(RegulatoryQueries regulatory)
{
    /// <summary>
    /// When each regime's incident duty took effect: SB 53 and RAISE as in
    /// ../shared/reference/REGULATIONS.md; the GPAI obligations (Code of Practice) from 2025-08-02;
    /// Art. 73 with the high-risk rules, 2026-08-02 (AI Act Art. 113).
    /// </summary>
    private static readonly Dictionary<string, DateOnly> InForce = new(StringComparer.Ordinal)
    {
        ["sb53"] = new DateOnly(2026, 1, 1),
        ["raise"] = new DateOnly(2027, 1, 1),
        ["gpai-cop"] = new DateOnly(2025, 8, 2),
        ["eu-ai-act-art73"] = new DateOnly(2026, 8, 2),
    };

    /// <summary>The regimes implied for an incident on <paramref name="system"/> discovered at <paramref name="discoveredAt"/>.</summary>
    public async Task<IReadOnlyList<IncidentEntries.ImpliedRegime>> ForAsync(string? system, DateTimeOffset discoveredAt, CancellationToken cancellationToken)
    {
        if (system is null || await regulatory.ViewAsync(system, cancellationToken) is not { } view)
        {
            return [];
        }

        var day = DateOnly.FromDateTime(discoveredAt.UtcDateTime);
        return view.Regimes
            .Where(r => r.Applies && InForce.TryGetValue(r.Id, out var from) && day >= from)
            .Select(r => new IncidentEntries.ImpliedRegime(r.Id, $"{r.Name}: {r.Why}"))
            .ToList();
    }
}
