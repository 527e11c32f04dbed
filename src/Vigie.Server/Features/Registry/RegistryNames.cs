using System.Text.RegularExpressions;

namespace Vigie.Server.Features.Registry;

/// <summary>
/// Names in the registry. They appear in URLs, CLI arguments and other features' subjects
/// ("system@version"), so they are restricted to characters that need no escaping anywhere.
/// </summary>
public static partial class RegistryNames
{
    public static readonly IReadOnlyList<string> Kinds = ["model", "checkpoint", "fine-tune", "system"];

    public static readonly IReadOnlyList<string> Statuses = ["development", "internal", "deployed", "retired"];

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,62}$")]
    private static partial Regex SystemPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._+-]{0,62}$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex AliasPattern();

    public static string? CheckSystem(string? name) =>
        name is not null && SystemPattern().IsMatch(name)
            ? null
            : $"'{name}' is not a valid system name: use 1-63 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.";

    public static string? CheckVersion(string? version) =>
        version is not null && VersionPattern().IsMatch(version)
            ? null
            : $"'{version}' is not a valid version: use 1-63 letters, digits, '.', '_', '+' or '-', starting with a letter or digit.";

    public static string? CheckAlias(string? alias) =>
        alias is not null && AliasPattern().IsMatch(alias)
            ? null
            : $"'{alias}' is not a valid alias: use 1-40 lowercase letters, digits or '-', starting with a letter (e.g. production, research-preview).";

    /// <summary>How other features name a version: "system@version".</summary>
    public static string Subject(string system, string version) => system + "@" + version;

    public static bool TryParseSubject(string subject, out string system, out string version)
    {
        var at = subject.IndexOf('@', StringComparison.Ordinal);
        system = at > 0 ? subject[..at] : "";
        version = at > 0 ? subject[(at + 1)..] : "";
        return at > 0 && CheckSystem(system) is null && CheckVersion(version) is null;
    }

    /// <summary>
    /// The decision type that must approve moving an alias: <c>production</c> is an external
    /// deployment, <c>internal</c> an internal one, any other alias an <c>alias-move</c>.
    /// </summary>
    public static string DecisionTypeFor(string alias) => alias switch
    {
        "production" => "deploy-external",
        "internal" => "deploy-internal",
        _ => "alias-move",
    };
}
