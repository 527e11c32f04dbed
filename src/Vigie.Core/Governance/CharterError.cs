using System.Globalization;

namespace Vigie.Core.Governance;

/// <summary>One problem in a charter's YAML, with the 1-based line and column where it is.</summary>
public sealed record CharterError(long Line, long Column, string Message)
{
    public override string ToString() =>
        Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}: {Message}") : Message;
}
