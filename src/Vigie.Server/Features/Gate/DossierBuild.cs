using System.Text.Json.Nodes;
using Vigie.Core.Policies;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// An assembled release dossier: the checked <see cref="Dossier"/> (with its JSON as assembled),
/// or why there is none — the HTTP status that says so and a message a person can act on.
/// </summary>
public sealed record DossierBuild(int Status, string? Error, ReleaseDossier? Dossier, JsonObject? Json)
{
    public bool Succeeded => Dossier is not null;

    public static DossierBuild Fail(int status, string error) => new(status, error, null, null);
}
