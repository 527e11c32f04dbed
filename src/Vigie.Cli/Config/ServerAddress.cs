namespace Vigie.Cli.Config;

/// <summary>The server's base URL, checked once, and the form it is stored under in the config.</summary>
internal sealed record ServerAddress(Uri BaseUri)
{
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>Scheme, host, port and path without a trailing slash: one server, one config entry.</summary>
    public string Key => BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');

    public static ServerAddress Parse(string text)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliFailure(ExitCodes.Usage, $"'{text}' is not a server URL; give --server (or VIGIE_SERVER) like {Default}.");
        }

        // A trailing slash makes relative paths ("log/checkpoint") resolve under a path prefix.
        var withSlash = uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        return new ServerAddress(new Uri(withSlash));
    }

    public Uri Resolve(string relative) => new(BaseUri, relative);

    public override string ToString() => Key;
}
