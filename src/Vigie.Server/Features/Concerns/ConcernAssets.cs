namespace Vigie.Server.Features.Concerns;

/// <summary>
/// The reporter pages' script, served from the assembly: it seals and opens concerns in the
/// browser (WebCrypto), so the server never receives plaintext. Hand-written, no build step.
/// </summary>
public static class ConcernAssets
{
    public const string ScriptPath = "/concerns/vigie-concerns.js";

    private static readonly Lazy<byte[]> Script = new(() =>
    {
        using var stream = typeof(ConcernAssets).Assembly.GetManifestResourceStream("assets/vigie-concerns.js")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void MapConcernAssets(this IEndpointRouteBuilder app) =>
        app.MapGet(ScriptPath, () => Results.Bytes(Script.Value, "text/javascript; charset=utf-8")).NotLogged();
}
