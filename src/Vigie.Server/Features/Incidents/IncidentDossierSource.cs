using System.Text.Json.Nodes;
using Vigie.Server.Features.Gate;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// The release dossier's <c>incidents</c> list (docs/dossier.md): every incident on the system
/// the gate asks about that was discovered by the dossier's time — id, severity, status,
/// category, when discovered and resolved — so a policy rule can refuse a deployment while a
/// critical incident is open. The register is always on, so the list is always set (<c>[]</c>:
/// none). Incidents whose record expired under retention are gone and not listed. Open ones come
/// first, then the newest, within the schema's 1,000.
/// </summary>
public sealed class IncidentDossierSource(IncidentQueries queries) : IDossierSource
{
    public const int MaxItems = 1000;

    public async Task ContributeAsync(DossierRequest request, JsonObject dossier, CancellationToken cancellationToken)
    {
        var rows = await queries.ListAsync(null, request.System, int.MaxValue, cancellationToken);
        var list = new JsonArray();
        foreach (var row in rows
                     .Where(r => IncidentTimes.Parse(r.DiscoveredAt) <= request.Time)
                     .OrderBy(r => r.IsOpen ? 0 : 1).ThenByDescending(r => r.LogIndex)
                     .Take(MaxItems))
        {
            var item = new JsonObject
            {
                ["id"] = row.Id,
                ["severity"] = row.Severity,
                ["status"] = row.Status,
                ["category"] = row.Category,
                ["discoveredAt"] = row.DiscoveredAt,
            };
            if (row.ResolvedAt is { } resolved)
            {
                item["resolvedAt"] = resolved;
            }

            list.Add(item);
        }

        dossier["incidents"] = list;
    }
}
