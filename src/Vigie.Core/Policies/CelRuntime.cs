using System.Globalization;
using System.Text.RegularExpressions;
using Cel;
using Vigie.Core.Policies.Expressions;

namespace Vigie.Core.Policies;

/// <summary>
/// Where rule expressions are parsed and compiled. The Cel package parses (its grammar is
/// cel-spec's); <see cref="CelCompiler"/> turns the syntax tree into a program cached in the
/// policy. Type errors and absent keys can only show when a program runs, which is why every
/// rule is also dry-run at load (<see cref="RuleDryRun"/>).
/// </summary>
internal static partial class CelRuntime
{
    private static readonly CelEnvironment Environment = new(null, null);
    private static readonly Lock Gate = new();

    /// <summary>Parses and compiles; on a mistake returns the message and its 1-based position in the expression.</summary>
    public static CelCompiled Compile(string expression)
    {
        Cel.Internal.CelParser.StartContext tree;
        try
        {
            // The package documents no thread safety for its parser; loading a policy is rare.
            lock (Gate)
            {
                tree = Environment.Parse(expression);
            }
        }
        catch (CelException e)
        {
            var (line, column, message) = Position(e.Message);
            return new CelCompiled(null, null, $"CEL syntax error: {message}", line, column);
        }

        try
        {
            return new CelCompiled(tree, CelCompiler.Compile(tree), null, 0, 0);
        }
        catch (CelCompileException e)
        {
            return new CelCompiled(null, null, e.Message, e.At.Line, e.At.Column + 1);
        }
    }

    /// <summary>The same expression compiled so that its runtime errors say where they arose (for the dry run at load).</summary>
    public static CelProgram CompileLocated(Cel.Internal.CelParser.StartContext tree) => CelCompiler.Compile(tree, locate: true);

    /// <summary>
    /// Runs a program on a dossier value: true or false, or an error. Every error a rule's
    /// evaluation raises is the rule's, never the caller's, so it is caught here.
    /// </summary>
    public static CelRun Run(CelProgram program, object? dossier)
    {
        object? result;
        try
        {
            result = program.Run(dossier);
        }
        catch (CelEvalException e)
        {
            return e.At is { } at ? new CelRun(false, e.Message, at.Line, at.Column + 1) : new CelRun(false, e.Message);
        }

        return result is bool value
            ? new CelRun(value, null)
            : new CelRun(false, $"the expression must give true or false; it gave a {CelTypeValue.Of(result)}");
    }

    private static (long Line, long Column, string Message) Position(string message)
    {
        // Cel (ANTLR) reports "Line 1:3 mismatched input ..." with a 0-based column.
        var match = LinePattern().Match(message);
        if (!match.Success)
        {
            return (0, 0, message);
        }

        var line = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var column = long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) + 1;
        return (line, column, match.Groups[3].Value);
    }

    [GeneratedRegex(@"^Line (\d+):(\d+) (.*)$", RegexOptions.Singleline)]
    private static partial Regex LinePattern();
}
