using Vigie.Core.Policies;
using Xunit;
using static Vigie.Core.Tests.Policies.PolicyFixtures;

namespace Vigie.Core.Tests.Policies;

/// <summary>
/// Every way a policy can be wrong is reported at load with the rule's id, line and column, and
/// a policy with any error is not returned. Rule lines: with <see cref="PolicyFixtures.Rule"/>
/// the first rule starts on line 6 and its 'require' (no 'when') is on line 8, column 14 (the
/// quote), so the expression's first character is column 15.
/// </summary>
public sealed class PolicyReaderTests
{
    [Fact]
    public void ValidPolicy_Loads_WithItsRulesAndDigest()
    {
        var text = Policy(Rule("one", "dossier.action == 'deploy-external'") + Rule("two", "size(dossier.decisions) > 0", severity: "warn", appliesTo: "deploy-internal"));
        var policy = Load(text);
        Assert.Equal("test-policy@1", policy.PolicyVersion);
        Assert.Equal(["one", "two"], policy.Rules.Select(r => r.Id));
        Assert.Equal(RuleSeverity.Warn, policy.Rules[1].Severity);
        Assert.Equal(["deploy-internal"], policy.Rules[1].AppliesTo);
        Assert.Equal(["dossier.action"], policy.Rules[0].Reads);
        Assert.Equal(6, policy.Rules[0].Line);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), policy.Sha256);
    }

    [Fact]
    public void MalformedYaml_IsReportedAtItsPosition()
    {
        var error = Assert.Single(Refused("policy:\n  name: x\nrules: [\n").Errors);
        Assert.Null(error.RuleId);
        Assert.Equal(4, error.Line);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateYamlKeys_AreRefused()
    {
        var error = Assert.Single(Refused(Policy(Rule("a", "true")).Replace("  version: 1\n", "  version: 1\n  version: 2\n", StringComparison.Ordinal)).Errors);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void MissingFields_AreNamedWithTheRuleAndItsLine()
    {
        var text = Policy("  - id: lonely\n    applies_to: [train]\n    severity: block\n");
        var errors = Refused(text).Errors;
        Assert.All(errors, e => Assert.Equal("lonely", e.RuleId));
        Assert.All(errors, e => Assert.Equal(6, e.Line));
        Assert.Contains(errors, e => e.Message.Contains("missing 'require'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("missing 'message'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("missing 'implements'", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateRuleIds_AreRefused_PointingAtTheSecond()
    {
        var error = Assert.Single(Refused(Policy(Rule("same", "true") + Rule("same", "true"))).Errors);
        Assert.Equal("same", error.RuleId);
        Assert.Equal((12L, 9L), (error.Line, error.Column));
        Assert.Contains("duplicate rule id 'same'; it is first used on line 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSeverity_ActionAndKey_AreEachReportedWhereTheyAre()
    {
        var text = Policy(Rule("r", "true", severity: "fatal", appliesTo: "[train, ship-it]").Replace("    message:", "    mesage: typo\n    message:", StringComparison.Ordinal));
        var errors = Refused(text).Errors;
        Assert.All(errors, e => Assert.Equal("r", e.RuleId));
        var action = Assert.Single(errors, e => e.Message.Contains("unknown action 'ship-it'", StringComparison.Ordinal));
        Assert.Equal((7L, 25L), (action.Line, action.Column));
        var severity = Assert.Single(errors, e => e.Message.Contains("unknown severity 'fatal'", StringComparison.Ordinal));
        Assert.Equal((9L, 15L), (severity.Line, severity.Column));
        var key = Assert.Single(errors, e => e.Message.Contains("unknown key 'mesage'", StringComparison.Ordinal));
        Assert.Equal((10L, 5L), (key.Line, key.Column));
    }

    [Fact]
    public void CelSyntaxError_IsPlacedInsideTheExpression()
    {
        var error = Assert.Single(Refused(Policy(Rule("syntax", "dossier.action == "))).Errors);
        Assert.Equal("syntax", error.RuleId);
        Assert.Equal(8, error.Line);
        Assert.Equal(14 + 19, error.Column); // end of the 18-character expression, after the quote
        Assert.Contains("CEL syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CelSyntaxError_InALiteralBlock_IsPlacedOnItsLine()
    {
        var text = Policy("  - id: block\n    applies_to: [train]\n    require: |\n      dossier.action == 'train'\n        && && true\n    severity: block\n    message: m\n    implements: i\n");
        var error = Assert.Single(Refused(text).Errors);
        Assert.Equal((10L, 12L), (error.Line, error.Column));
    }

    private static string Multiline(string require) => Policy($"  - id: multi\n    applies_to: [train]\n    require: {require}\n    severity: block\n    message: m\n    implements: i\n");

    [Fact]
    public void CelSyntaxError_InAFoldedBlock_IsPlacedOnItsLineAndColumn()
    {
        // The presets write long conditions as folded blocks (>-): YAML joins their lines with spaces.
        var error = Assert.Single(Refused(Multiline(">-\n      dossier.action == 'train'\n      && && true")).Errors);
        Assert.Equal((10L, 10L), (error.Line, error.Column));
        Assert.DoesNotContain("of the expression", error.Message, StringComparison.Ordinal);

        // An empty line is a line feed in the value; a more-indented line keeps its breaks.
        var spaced = Assert.Single(Refused(Multiline(">\n      dossier.action == 'train'\n\n        || dossier.card.profile.size() > 0\n      || true\n")).Errors);
        Assert.Contains("has no field 'profile'", spaced.Message, StringComparison.Ordinal);
        Assert.Equal((11L, 12L), (spaced.Line, spaced.Column));
    }

    [Fact]
    public void MistakesInMultiLinePlainAndQuotedScalars_ArePlacedOnTheirLine()
    {
        var plain = Assert.Single(Refused(Multiline("dossier.action == 'train'\n      && dossier.card.profile.size() > 0")).Errors);
        Assert.Contains("has no field 'profile'", plain.Message, StringComparison.Ordinal);
        Assert.Equal((9L, 10L), (plain.Line, plain.Column));

        var quoted = Assert.Single(Refused(Multiline("'has(dossier.card)\n      && && true'")).Errors);
        Assert.Equal((9L, 10L), (quoted.Line, quoted.Column));

        // An escape makes the value differ from the text: the scalar's start, and the place in the expression.
        var escaped = Assert.Single(Refused(Multiline("\"has(dossier.card) \\u0026\\u0026\n      && && true\"")).Errors);
        Assert.Equal((8L, 14L), (escaped.Line, escaped.Column));
        Assert.Contains("of the expression)", escaped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltField_IsAnError_EvenInABranchNoDryRunReaches()
    {
        var error = Assert.Single(Refused(Policy(Rule("typo", "false && dossier.card.profile.size() > 0"))).Errors);
        Assert.Equal("typo", error.RuleId);
        Assert.Equal((8L, 14L + 10), (error.Line, error.Column));
        Assert.Contains("dossier.card has no field 'profile'", error.Message, StringComparison.Ordinal);
        Assert.Contains("profiles", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltFieldInAMacro_IsAnError()
    {
        var error = Assert.Single(Refused(Policy(Rule("macro", "dossier.evaluations.all(e, has(e.scor))"))).Errors);
        Assert.Contains("dossier.evaluations[*] has no field 'scor'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConstantThatAFieldNeverHolds_IsAnError()
    {
        var errors = Refused(Policy(Rule("enum", "dossier.action == 'deploy-extrenal' || dossier.scorecard.categories.exists(c, c.postMitigation in ['low', 'meduim'])"))).Errors;
        Assert.Contains(errors, e => e.Message.Contains("'deploy-extrenal' is never a value of dossier.action", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("'meduim' is never a value of dossier.scorecard.categories[*].postMitigation", StringComparison.Ordinal));
    }

    [Fact]
    public void TypeError_IsFoundByTheDryRun()
    {
        var error = Assert.Single(Refused(Policy(Rule("types", "has(dossier.compute.trainingFlop) && dossier.compute.trainingFlop * 2 > 1.0"))).Errors);
        Assert.Equal("types", error.RuleId);
        Assert.Equal((8L, 14L + 67), (error.Line, error.Column)); // at the '*', the operation that has no overload
        Assert.Contains("'require' fails its dry run: no such overload: double * int", error.Message, StringComparison.Ordinal);

        // In a folded block too: the operator's own line and column.
        var folded = Assert.Single(Refused(Multiline(">-\n      has(dossier.compute.trainingFlop)\n      && dossier.compute.trainingFlop * 2 > 1.0")).Errors);
        Assert.Equal((10L, 39L), (folded.Line, folded.Column));
    }

    [Fact]
    public void UnguardedOptionalPart_IsFoundByTheMinimalDryRun()
    {
        var error = Assert.Single(Refused(Policy(Rule("unguarded", "dossier.scorecard.categories.size() > 0"))).Errors);
        Assert.Contains("no such key: 'scorecard'", error.Message, StringComparison.Ordinal);
        Assert.Contains("guard it with has(", error.Message, StringComparison.Ordinal);
        Assert.Equal((8L, 14L + 9), (error.Line, error.Column)); // at the field the minimal dossier lacks

        Load(Policy(Rule("guarded", "has(dossier.scorecard) && dossier.scorecard.categories.size() > 0")));
        Load(Policy(Rule("guarded-by-when", "dossier.scorecard.categories.size() > 0", when: "has(dossier.scorecard)")));
    }

    [Fact]
    public void ExpressionThatIsNotABoolean_IsRefused()
    {
        var error = Assert.Single(Refused(Policy(Rule("value", "dossier.action"))).Errors);
        Assert.Contains("must give true or false; it gave a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownVariableOrFunction_IsRefused_AtItsPosition()
    {
        var variable = Assert.Single(Refused(Policy(Rule("var", "true || dosier.action == 'train'"))).Errors);
        Assert.Equal((8L, 14L + 9), (variable.Line, variable.Column));
        Assert.Contains("unknown variable 'dosier'", variable.Message, StringComparison.Ordinal);

        var function = Assert.Single(Refused(Policy(Rule("fn", "dossier.action.lower() == 'train'"))).Errors);
        Assert.Contains("unknown function .lower()", function.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnchorsAliasesAndSecondDocuments_AreRefused()
    {
        var alias = Policy(Rule("a", "true") + Rule("b", "true")).Replace("[deploy-external]\n    require: 'true'\n", "&x [deploy-external]\n    require: 'true'\n", StringComparison.Ordinal);
        Assert.Contains("anchors", Assert.Single(Refused(alias).Errors).Message, StringComparison.Ordinal);
        Assert.Contains("aliases", Assert.Single(Refused(Policy(Rule("a", "true", appliesTo: "*x"))).Errors).Message, StringComparison.Ordinal);
        Assert.Contains("anchors", Assert.Single(Refused(Policy(Rule("a", "true")).Replace("[deploy-external]", "&x [deploy-external]", StringComparison.Ordinal)).Errors).Message, StringComparison.Ordinal);
        Assert.Contains("one YAML document", Assert.Single(Refused(Policy(Rule("a", "true")) + "---\npolicy: {}\n").Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OversizedPolicies_AreRefusedBeforeParsing()
    {
        var big = Policy(Rule("a", "true")) + "# " + new string('x', PolicyReader.MaxBytes) + "\n";
        var error = Assert.Single(Refused(big).Errors);
        Assert.Equal(0, error.Line);
        Assert.Contains($"at most {PolicyReader.MaxBytes}", error.Message, StringComparison.Ordinal);

        var many = Policy(string.Concat(Enumerable.Range(0, PolicyReader.MaxRules + 1).Select(i => $"  - {{id: r{i}}}\n")));
        Assert.Contains($"at most {PolicyReader.MaxRules} are allowed", Assert.Single(Refused(many).Errors).Message, StringComparison.Ordinal);

        var deep = Policy(Rule("deep", new string('(', 40) + "true" + new string(')', 40)));
        Assert.Contains("nests brackets more than", Assert.Single(Refused(deep).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyHeaderMistakes_AreReported()
    {
        var errors = Refused("policy:\n  name: Bad Name\n  version: one\nrules:\n" + Rule("a", "true")).Errors;
        Assert.Contains(errors, e => e.Message.Contains("'name' must be lower-case", StringComparison.Ordinal) && e.Line == 2);
        Assert.Contains(errors, e => e.Message.Contains("'version' must be a whole number", StringComparison.Ordinal) && e.Line == 3);
        Assert.Contains(errors, e => e.Message.Contains("missing 'title'", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Null(e.RuleId));
    }

    [Fact]
    public void AllErrorsAreReportedAtOnce_InTextOrder()
    {
        var load = Refused(Policy(Rule("a", "dossier.nope") + Rule("b", "1 +") + Rule("c", "true", severity: "maybe")));
        Assert.Equal(["a", "b", "c"], load.Errors.Select(e => e.RuleId));
        Assert.Equal(load.Errors.OrderBy(e => e.Line), load.Errors);
        Assert.Contains("line 8, column", load.ErrorText, StringComparison.Ordinal);
    }
}
