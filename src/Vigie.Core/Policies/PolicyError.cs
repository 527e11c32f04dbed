using System.Globalization;

namespace Vigie.Core.Policies;

/// <summary>
/// One reason a policy did not load: the rule it concerns (null for the document as a whole) and
/// the 1-based line and column in the YAML text (0 when the problem has no place, e.g. size).
/// </summary>
public sealed record PolicyError(string? RuleId, long Line, long Column, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}: ") : "";
        var rule = RuleId is null ? "" : $"rule '{RuleId}': ";
        return where + rule + Message;
    }
}
