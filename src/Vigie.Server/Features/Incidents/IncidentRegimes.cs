using Vigie.Core.Concerns;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// Which regimes apply to an incident: those people named, those the system's obligations
/// implied when the incident was recorded (kept in its record), and those they imply now (a
/// training run recorded later can make a system a frontier model). A regime, once applicable,
/// stays: nothing here removes a clock. One instance per request caches the registry lookups.
/// </summary>
public sealed class IncidentRegimes(ImpliedRegimes implied)
{
    private readonly Dictionary<(string?, DateOnly), IReadOnlyList<IncidentEntries.ImpliedRegime>> _cache = [];

    public async Task<IReadOnlyList<ApplicableRegime>> ForAsync(IncidentRecord incident, CancellationToken cancellationToken)
    {
        var sources = new SortedDictionary<IncidentRegime, List<string>>();
        void Add(string name, string source)
        {
            if (IncidentNames.TryParseRegime(name, out var regime, out _))
            {
                var list = sources.TryGetValue(regime, out var existing) ? existing : sources[regime] = [];
                if (!list.Contains(source, StringComparer.Ordinal))
                {
                    list.Add(source);
                }
            }
        }

        foreach (var name in incident.Fields.Regimes ?? [])
        {
            Add(name, ApplicableRegime.Named);
        }

        foreach (var regime in incident.Implied)
        {
            Add(regime.Regime, regime.Reason);
        }

        var discoveredAt = IncidentTimes.Parse(incident.DiscoveredAt);
        var key = (incident.Fields.System, DateOnly.FromDateTime(discoveredAt.UtcDateTime));
        if (!_cache.TryGetValue(key, out var now))
        {
            now = _cache[key] = await implied.ForAsync(key.System, discoveredAt, cancellationToken);
        }

        foreach (var regime in now)
        {
            Add(regime.Regime, regime.Reason);
        }

        return sources.Select(s => new ApplicableRegime(s.Key, s.Value)).ToList();
    }
}
