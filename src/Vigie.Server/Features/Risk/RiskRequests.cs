using System.Text.RegularExpressions;

namespace Vigie.Server.Features.Risk;

/// <summary>Field checks shared by the risk feature's requests.</summary>
public static partial class RiskRequests
{
    public static string? CheckId(string field, string? value) =>
        value is not null && IdPattern().IsMatch(value)
            ? null
            : $"{field} must be 1-64 lowercase letters, digits and '-' (such as 'asl3-deployment-standard'); got '{value}'.";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
