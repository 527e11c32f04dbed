using System.Globalization;
using System.Text.RegularExpressions;
using Cel;
using Cel.Internal;

namespace Vigie.Core.Policies;

/// <summary>
/// The one place Vigie calls the Cel package. Parsing gives the syntax tree (read paths are
/// taken from it); compiling gives a delegate that is cached in the policy. Cel reports most
/// mistakes only when a program runs (unknown fields, wrong types, unknown functions), which is
/// why every rule is dry-run at load (<see cref="RuleDryRun"/>).
/// </summary>
internal static partial class CelRuntime
{
    public const string Variable = ReadPath.Root;

    private static readonly CelEnvironment Environment = new(null, null);
    private static readonly Lock Gate = new();

    /// <summary>Parses and compiles; on a syntax error returns the message and its 1-based position in the expression.</summary>
    public static CelCompiled Compile(string expression)
    {
        try
        {
            // The environment's parser and visitor are not documented as thread-safe; loading is rare.
            lock (Gate)
            {
                var tree = Environment.Parse(expression);
                return new CelCompiled(tree, Environment.Compile(tree), null, 0, 0);
            }
        }
        catch (CelException e)
        {
            var (line, column, message) = Position(e.Message);
            return new CelCompiled(null, null, $"CEL syntax error: {message}", line, column);
        }
    }

    /// <summary>
    /// Runs a program on a dossier value: true or false, or an error. Any exception a rule's
    /// evaluation raises is the rule's error, never the caller's, so it is caught here.
    /// </summary>
    public static CelRun Run(CelProgramDelegate program, IDictionary<string, object?> variables)
    {
        object? result;
        try
        {
            result = program(variables);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new CelRun(false, Describe(e));
        }

        return result switch
        {
            bool value => new CelRun(value, null),
            // The compiled delegate returns "no such field" as a value (an internal Cel type) instead of throwing it.
            _ when result?.GetType().Name == "CelNoSuchField" => new CelRun(false, NoSuchField(result)),
            _ => new CelRun(false, $"the expression must give true or false; it gave {TypeName(result)}"),
        };
    }

    public static IDictionary<string, object?> Variables(object? dossier) =>
        new Dictionary<string, object?>(1, StringComparer.Ordinal) { [Variable] = dossier };

    private static string Describe(Exception e) => e switch
    {
        CelNoSuchFieldException => $"no such field ({e.Message})",
        CelArgumentRangeException => $"no such element or key ({e.Message})",
        CelUndeclaredReferenceException or CelUnboundFunctionException => e.Message,
        CelNoSuchOverloadException => $"type error ({e.Message})",
        CelException => e.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static string NoSuchField(object marker) =>
        marker.GetType().GetProperty("Message")?.GetValue(marker) is string message ? $"no such field ({message})" : "no such field";

    private static string TypeName(object? value) => value switch
    {
        null => "null",
        string => "a string",
        double or long or ulong or int => "a number",
        object?[] => "a list",
        IDictionary<string, object?> => "a map",
        _ => value.GetType().Name,
    };

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
