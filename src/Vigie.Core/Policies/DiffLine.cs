namespace Vigie.Core.Policies;

/// <summary>
/// One line of a text diff: <see cref="Kind"/> is ' ' (in both), '-' (only before) or '+' (only
/// after); the 1-based line numbers are those it has in the texts it appears in.
/// </summary>
public sealed record DiffLine(char Kind, string Text, int? BeforeLine, int? AfterLine);
