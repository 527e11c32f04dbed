using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Core.Governance;

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

    /// <summary>Problems as (which condition, message); none when the rule runs cleanly on both samples.</summary>
    public static IReadOnlyList<(string Part, string Message)> Problems(CompiledRule rule)
    {
        var problems = new List<(string, string)>();
        foreach (var action in rule.Rule.AppliesTo)
        {
            var (full, minimal) = Samples[action];
            var whenError = rule.When is { } when ? CelRuntime.Run(when, full).Error : null;
            var requireError = CelRuntime.Run(rule.Require, full).Error;
            if (whenError is not null || requireError is not null)
            {
                // A mistake on the full sample says all there is; the minimal run would only repeat it.
                AddIf(problems, "when", whenError);
                AddIf(problems, "require", requireError);
                continue;
            }

            var relevant = rule.When is null ? new CelRun(true, null) : CelRuntime.Run(rule.When, minimal);
            if (relevant.Error is { } absentWhen)
            {
                problems.Add(("when", Unguarded(absentWhen)));
            }
            else if (relevant.Value && CelRuntime.Run(rule.Require, minimal).Error is { } absentRequire)
            {
                problems.Add(("require", Unguarded(absentRequire)));
            }
        }

        return [.. problems.Distinct()];
    }

    private static void AddIf(List<(string, string)> problems, string part, string? error)
    {
        if (error is not null)
        {
            problems.Add((part, $"{error} — on the sample dossier, which has every field of the schema (see docs/dossier.md)"));
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
