namespace Vigie.Server.Features.Sessions;

/// <summary>
/// Where to send the browser after sign-in: only a path on this server. Anything else
/// (absolute URLs, protocol-relative "//host", "/\host" which browsers read as "//host",
/// control characters) falls back to the workspace, so a link cannot use sign-in to send
/// someone to another site (an open redirect).
/// </summary>
public static class LocalReturnUrl
{
    public const string Default = "/app";

    private const int MaxLength = 2048;

    public static string OrDefault(string? returnUrl) => IsSafe(returnUrl) ? returnUrl! : Default;

    public static bool IsSafe(string? url) =>
        url is { Length: > 0 and <= MaxLength } &&
        url[0] == '/' &&
        (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) &&
        !url.Contains('\\') &&
        !url.Any(char.IsControl);

    /// <summary>The sign-in address that comes back to <paramref name="pathAndQuery"/>.</summary>
    public static string SignInFor(string pathAndQuery) =>
        "/app/sign-in?returnUrl=" + Uri.EscapeDataString(pathAndQuery);
}
