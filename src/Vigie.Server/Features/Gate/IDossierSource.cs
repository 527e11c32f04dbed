using System.Text.Json.Nodes;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// A feature that holds something policy rules may read (the scorecard, impact assessments,
/// incidents, regulatory notices) adds its part of the release dossier through this. The gate
/// asks every registered source, in turn, when it assembles a dossier; a source sets only its
/// own top-level fields (docs/dossier.md says which) and leaves them absent when it has no data
/// — it never invents a value. The gate sets the required fields first (the required list
/// <c>evaluations</c> starts empty); a source that holds evaluation results (the risk feature)
/// appends its elements to that list rather than replacing it.
/// </summary>
public interface IDossierSource
{
    /// <summary>Sets this feature's fields on <paramref name="dossier"/> for the request, or leaves them absent.</summary>
    Task ContributeAsync(DossierRequest request, JsonObject dossier, CancellationToken cancellationToken);
}
