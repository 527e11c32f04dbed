using System.Text.RegularExpressions;

namespace Vigie.Server.Features.Users;

/// <summary>User names: the actor of every entry they make, so kept short and plain.</summary>
public static partial class UserNames
{
    /// <summary>Entries the server makes by itself (first start) name this actor; no user may take it.</summary>
    public const string System = "system";

    public static string? Validate(string name)
    {
        if (!Pattern().IsMatch(name))
        {
            return $"'{name}' is not a valid user name: use 1–64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.";
        }

        return name == System ? "'system' is reserved for entries the server makes itself." : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
