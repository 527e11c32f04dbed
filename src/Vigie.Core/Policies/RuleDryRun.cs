using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Core.Governance;
using Vigie.Core.Policies.Expressions;

namespace Vigie.Core.Policies;

/// <summary>
/// Runs a compiled rule, at load, on two dossiers per action it applies to: the full sample
/// (every field of the schema filled in), where any error is a misspelt field, a wrong type or
/// an unknown function; and the minimal one (only the fields every dossier has), where an error
/// means the rule reads an optional part without guarding it with has(). The second run evaluates
/// <c>require</c> only when <c>when</c> holds, as the gate does. Branches neither sample reaches
/// are still checked for field names by <see cref="ReadPathCollector"/>.
/// </summary>
internal static class RuleDryRun
{
    private static readonly Dictionary<string, (object? Full, object? Minimal)> Samples = DecisionTypes.Actions.ToDictionary(
        a => a,
        a => (WithAction(JsonNode.Parse(DossierSchema.SampleText)!, a), WithAction(DossierShape.Minimal(DossierSchema.Sample)!, a)),
        StringComparer.Ordinal);

    /// <summary>
    /// Problems as (which condition, message, and the 1-based line and column in the expression,
    /// 0 when unknown); none when the rule runs cleanly on both samples. The programs should be
    /// compiled to locate their errors (<see cref="CelRuntime.CompileLocated"/>).
    /// </summary>
    public static IReadOnlyList<(string Part, string Message, long Line, long Column)> Problems(IReadOnlyList<string> appliesTo, CelProgram? when, CelProgram require)
    {
        var problems = new List<(string, string, long, long)>();
        foreach (var action in appliesTo)
        {
            var (full, minimal) = Samples[action];
            var whenRun = when is null ? default : CelRuntime.Run(when, full);
            var requireRun = CelRuntime.Run(require, full);
            if (whenRun.Failed || requireRun.Failed)
            {
                // A mistake on the full sample says all there is; the minimal run would only repeat it.
                AddIf(problems, "when", whenRun);
                AddIf(problems, "require", requireRun);
                continue;
            }

            var relevant = when is null ? new CelRun(true, null) : CelRuntime.Run(when, minimal);
            if (relevant.Failed)
            {
                problems.Add(("when", Unguarded(relevant.Error!), relevant.Line, relevant.Column));
            }
            else if (relevant.Value && CelRuntime.Run(require, minimal) is { Failed: true } absent)
            {
                problems.Add(("require", Unguarded(absent.Error!), absent.Line, absent.Column));
            }
        }

        return [.. problems.Distinct()];
    }

    private static void AddIf(List<(string, string, long, long)> problems, string part, CelRun run)
    {
        if (run.Failed)
        {
            problems.Add((part, $"{run.Error} — on the sample dossier, which has every field of the schema (see docs/dossier.md)", run.Line, run.Column));
        }
    }

    private static string Unguarded(string error) =>
        $"{error} — on a dossier with only the fields every dossier has: the rule reads an optional part without checking it is there; guard it with has(...), e.g. has(dossier.scorecard) && ...";

    private static object? WithAction(JsonNode dossier, string action)
    {
        dossier["action"] = action;
        return CelValues.FromJson(JsonSerializer.SerializeToElement(dossier));
    }
}
