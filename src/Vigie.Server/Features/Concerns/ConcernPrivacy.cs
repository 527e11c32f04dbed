using Microsoft.AspNetCore.HttpLogging;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// Which requests belong to the reporter's side of the channel, and whether the current code runs
/// inside one (so <see cref="ConcernScrubbingLoggerFactory"/> can keep it out of the logs).
/// </summary>
public static class ConcernPrivacy
{
    private static readonly AsyncLocal<bool> Active = new();

    /// <summary>The reporter's API: file, recipients to seal to, status and answers by receipt.</summary>
    private static readonly string[] ReporterApi =
        ["/api/v1/concerns", "/api/v1/concerns/recipients", "/api/v1/concerns/status", "/api/v1/concerns/answers"];

    /// <summary>True inside a reporter request (flows down the request's async calls only).</summary>
    public static bool IsActive => Active.Value;

    /// <summary>The reporter's pages (/concerns/...) and API routes; recipients' routes are ordinary, signed-in ones.</summary>
    public static bool IsReporterPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var trimmed = path.TrimEnd('/');
        return new PathString(path).StartsWithSegments("/concerns", StringComparison.OrdinalIgnoreCase)
            || ReporterApi.Any(p => string.Equals(p, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Excludes an endpoint from ASP.NET's request logging middleware, should an operator turn it on.</summary>
    public static RouteHandlerBuilder NotLogged(this RouteHandlerBuilder endpoint) => endpoint.WithHttpLogging(HttpLoggingFields.None);

    internal static Scope Enter()
    {
        Active.Value = true;
        return new Scope();
    }

    internal readonly struct Scope : IDisposable
    {
        public void Dispose() => Active.Value = false;
    }
}
