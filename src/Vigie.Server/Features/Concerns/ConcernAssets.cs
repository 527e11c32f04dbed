namespace Vigie.Server.Features.Concerns;

/// <summary>
/// The reporter pages' scripts, served from the assembly: they seal and open concerns in the
/// browser (WebCrypto), so the server never receives plaintext. Hand-written, no build step.
/// </summary>
public static class ConcernAssets
{
    /// <summary>The sealing code, the proof checks, then the page wiring; pages load them in this order.</summary>
    public static readonly IReadOnlyList<string> Scripts = ["/concerns/vigie-concerns.js", "/concerns/vigie-concern-proofs.js", "/concerns/vigie-concern-pages.js"];

    /// <summary>The recipients' page: the sealing code, then the inbox wiring.</summary>
    public static readonly IReadOnlyList<string> InboxScripts = ["/concerns/vigie-concerns.js", "/concerns/vigie-concern-inbox.js"];

    private static readonly Dictionary<string, Lazy<byte[]>> Files = Scripts.Union(InboxScripts).ToDictionary(
        path => path,
        path => new Lazy<byte[]>(() =>
        {
            using var stream = typeof(ConcernAssets).Assembly.GetManifestResourceStream("assets/" + Path.GetFileName(path))!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }));

    public static void MapConcernAssets(this IEndpointRouteBuilder app)
    {
        foreach (var path in Files.Keys)
        {
            app.MapGet(path, () => Results.Bytes(Files[path].Value, "text/javascript; charset=utf-8")).NotLogged();
        }
    }

    /// <summary>The script tags, for a page's head (Razor refuses script tags in component markup).</summary>
    public static string ScriptTags => Tags(Scripts);

    public static string InboxScriptTags => Tags(InboxScripts);

    private static string Tags(IEnumerable<string> scripts) => string.Concat(scripts.Select(s => $"<script src=\"{s}\" defer></script>"));
}
