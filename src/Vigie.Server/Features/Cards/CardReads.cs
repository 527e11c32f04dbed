using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Cards;

/// <summary>Finds the version and the revision a read asks for, as the caller may see them.</summary>
public sealed class CardReads(RegistryQueries registry, CardQueries cards)
{
    /// <summary>
    /// The revision <paramref name="revision"/> (the query text) or the latest; a null row with no
    /// problem means the version has no card yet.
    /// </summary>
    public async Task<(CardQueries.RevisionRow? Row, IResult? Problem)> ResolveAsync(
        HttpContext context, string system, string version, string? revision)
    {
        var signedIn = Caller.Of(context) is not null;
        if (await registry.GetVersionAsync(system, version, signedIn, context.RequestAborted) is null)
        {
            return (null, RegistryHttp.NotFound($"No version '{version}' of '{system}'", signedIn));
        }

        if (revision is null)
        {
            return (await cards.LatestAsync(system, version, signedIn, context.RequestAborted), null);
        }

        if (QueryNumbers.TryParse(revision, "revision", out var n) is { } bad)
        {
            return (null, bad);
        }

        var row = await cards.RevisionAsync(system, version, n, signedIn, context.RequestAborted);
        return row is null
            ? (null, RegistryHttp.NotFound($"No revision {n} of the card of {system}@{version}", signedIn))
            : (row, null);
    }
}
