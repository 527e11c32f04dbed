using System.Text.Json.Nodes;
using Vigie.Core.Policies;
using Xunit;

namespace Vigie.Core.Tests.Policies;

/// <summary>Policies and dossiers the policy tests build on: the embedded sample, edited per test.</summary>
internal static class PolicyFixtures
{
    /// <summary>A policy document with the given rules (YAML list items, as <see cref="Rule"/> writes them).</summary>
    public static string Policy(string rules, int version = 1, string name = "test-policy") =>
        $"policy:\n  name: {name}\n  version: {version}\n  title: A policy for tests\nrules:\n{rules}";

    /// <summary>One rule as a YAML list item; conditions are single-quoted YAML scalars.</summary>
    public static string Rule(string id, string require, string? when = null, string severity = "block", string appliesTo = "[deploy-external]")
    {
        var lines = new List<string> { $"  - id: {id}", $"    applies_to: {appliesTo}" };
        if (when is not null)
        {
            lines.Add($"    when: {Quote(when)}");
        }

        lines.AddRange([
            $"    require: {Quote(require)}",
            $"    severity: {severity}",
            $"    message: Rule {id} must hold.",
            $"    implements: https://example.org/policy#{id}",
        ]);
        return string.Join('\n', lines) + "\n";
    }

    public static Policy Load(string text)
    {
        var load = PolicyReader.Read(text);
        Assert.True(load.Succeeded, load.ErrorText);
        return load.Policy!;
    }

    public static PolicyLoad Refused(string text)
    {
        var load = PolicyReader.Read(text);
        Assert.False(load.Succeeded, "the policy was expected not to load");
        Assert.Null(load.Policy);
        Assert.NotEmpty(load.Errors);
        return load;
    }

    /// <summary>The full sample dossier as a mutable JSON object.</summary>
    public static JsonObject Sample() => JsonNode.Parse(DossierSchema.SampleText)!.AsObject();

    /// <summary>The sample with no waivers (the sample's waiver names a rule no test policy has).</summary>
    public static JsonObject Dossier(string action = "deploy-external")
    {
        var dossier = Sample();
        dossier["action"] = action;
        dossier["waivers"] = new JsonArray();
        return dossier;
    }

    public static ReleaseDossier Parse(JsonObject dossier)
    {
        var parse = ReleaseDossier.Parse(dossier.ToJsonString());
        Assert.True(parse.Succeeded, parse.ErrorText);
        return parse.Dossier!;
    }

    public static GateResult Gate(Policy policy, JsonObject dossier)
    {
        var evaluation = PolicyGate.Evaluate(policy, Parse(dossier));
        Assert.True(evaluation.Succeeded, evaluation.ErrorText);
        return evaluation.Result!;
    }

    public static RuleResult RuleOf(GateResult result, string id) => Assert.Single(result.Rules, r => r.Id == id);

    private static string Quote(string expression) => "'" + expression.Replace("'", "''", StringComparison.Ordinal) + "'";
}
