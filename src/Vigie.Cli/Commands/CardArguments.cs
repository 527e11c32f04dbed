using System.CommandLine;
using System.Globalization;

namespace Vigie.Cli.Commands;

/// <summary>Arguments and options the card commands share, and the card's API path.</summary>
internal static class CardArguments
{
    public static Argument<string> System() => new("SYSTEM") { Description = "The registered system." };

    public static Argument<string> Version() => new("VERSION") { Description = "The version whose card this is." };

    public static Option<long?> Revision() => new("--revision") { Description = "A past revision (default: the latest)." };

    public static Option<bool> Editorial() => new("--editorial")
    {
        Description = "Mark the change editorial (a typo, formatting): it does not change the evidence decisions rest on, so sign-offs stay valid.",
    };

    public static Option<string?> Note() => new("--note") { Description = "Why the card changed; kept with the revision in the log." };

    public static string Path(string system, string version) => RegistryOptions.Path(system, version) + "/card";

    public static string WithRevision(string path, long? revision) =>
        revision is { } n ? path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "revision=" + n.ToString(CultureInfo.InvariantCulture) : path;
}
