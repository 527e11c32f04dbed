using System.Text.Json.Nodes;
using Vigie.Core.Governance;
using Vigie.Core.Policies;
using Xunit;
using static Vigie.Core.Tests.Policies.PolicyFixtures;

namespace Vigie.Core.Tests.Policies;

/// <summary>Outcomes, verdicts, waivers and the stable JSON form of a gate result.</summary>
public sealed class PolicyGateTests
{
    private static readonly Policy Mixed = Load(Policy(
        Rule("passes", "dossier.version.status == 'development'") +
        Rule("fails-block", "has(dossier.compute.trainingFlop) && dossier.compute.trainingFlop < 1e20") +
        Rule("fails-warn", "size(dossier.evaluations) > 5", severity: "warn") +
        Rule("other-action", "false", appliesTo: "[train]") +
        Rule("irrelevant", "false", when: "has(dossier.version.kind) && dossier.version.kind == 'fine-tune'")));

    [Fact]
    public void EveryRule_GetsItsOutcome_AndABlockFailureDenies()
    {
        var result = Gate(Mixed, Dossier());
        Assert.Equal(GateVerdict.Deny, result.Verdict);
        Assert.Equal(
            [RuleOutcome.Pass, RuleOutcome.Fail, RuleOutcome.Fail, RuleOutcome.NotApplicable, RuleOutcome.NotApplicable],
            result.Rules.Select(r => r.Outcome));
        Assert.Empty(RuleOf(result, "other-action").Read);
        Assert.Equal("\"model\"", RuleOf(result, "irrelevant").Read.Single().Value!.ToJsonString());
    }

    [Fact]
    public void OnlyWarnFailures_AllowWithWarnings_AndNoFailureAllows()
    {
        var warnOnly = Load(Policy(Rule("ok", "true") + Rule("meh", "false", severity: "warn")));
        Assert.Equal(GateVerdict.AllowWithWarnings, Gate(warnOnly, Dossier()).Verdict);
        Assert.Equal(GateVerdict.Allow, Gate(Load(Policy(Rule("ok", "true"))), Dossier()).Verdict);
    }

    [Fact]
    public void RuleThatCannotBeEvaluatedAtRelease_Fails_WithItsError()
    {
        // Both samples have a decision, so the dry run passes; a dossier without one cannot be indexed.
        var policy = Load(Policy(Rule("first-decision", "dossier.decisions[0].status == 'approved'")));
        var dossier = Dossier();
        dossier["decisions"] = new JsonArray();
        var rule = RuleOf(Gate(policy, dossier), "first-decision");
        Assert.Equal(RuleOutcome.Fail, rule.Outcome);
        Assert.Equal("'require' could not be evaluated: index out of range: 0", rule.Error);
        Assert.Contains(rule.Error!, rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnexpiredWaiver_WaivesABlockFailure_ForItsActionOnly()
    {
        var policy = Load(Policy(Rule("needs-card", "false", appliesTo: "[deploy-external, deploy-internal]")));
        var dossier = Dossier();
        dossier["waivers"] = new JsonArray(Waiver("needs-card", "deploy-external", "2026-12-01T00:00:00.000Z"));

        var result = Gate(policy, dossier);
        Assert.Equal(GateVerdict.AllowWithWarnings, result.Verdict);
        var rule = RuleOf(result, "needs-card");
        Assert.Equal(RuleOutcome.Waived, rule.Outcome);
        Assert.Equal("dec-90", rule.Waiver!.DecisionId);
        Assert.Contains("waived by decision dec-90 until 2026-12-01T00:00:00Z: Report due next week.", rule.Message, StringComparison.Ordinal);

        var internalDeploy = Dossier(DecisionTypes.DeployInternal);
        internalDeploy["waivers"] = new JsonArray(Waiver("needs-card", "deploy-external", "2026-12-01T00:00:00.000Z"));
        Assert.Equal(GateVerdict.Deny, Gate(policy, internalDeploy).Verdict);
    }

    [Theory]
    [InlineData("2026-11-27T10:00:00.000Z")] // expires at the dossier's time: no longer applies
    [InlineData("2026-11-01T00:00:00.000Z")]
    public void ExpiredWaiver_DoesNotApply(string expiresAt)
    {
        var policy = Load(Policy(Rule("needs-card", "false")));
        var dossier = Dossier();
        dossier["waivers"] = new JsonArray(Waiver("needs-card", "deploy-external", expiresAt));
        var result = Gate(policy, dossier);
        Assert.Equal(GateVerdict.Deny, result.Verdict);
        Assert.Equal(RuleOutcome.Fail, RuleOf(result, "needs-card").Outcome);
    }

    [Fact]
    public void WaiverForAWarnRule_IsAllowed_AndAPassingRuleStaysPassed()
    {
        var policy = Load(Policy(Rule("warned", "false", severity: "warn") + Rule("fine", "true")));
        var dossier = Dossier();
        dossier["waivers"] = new JsonArray(Waiver("warned", "deploy-external", "2027-01-01T00:00:00Z"), Waiver("fine", "deploy-external", "2027-01-01T00:00:00Z"));
        var result = Gate(policy, dossier);
        Assert.Equal(RuleOutcome.Waived, RuleOf(result, "warned").Outcome);
        Assert.Equal(RuleOutcome.Pass, RuleOf(result, "fine").Outcome);
        Assert.Equal(GateVerdict.AllowWithWarnings, result.Verdict);
    }

    [Fact]
    public void WaiverNamingAnUnknownRule_IsAnError()
    {
        var dossier = Dossier();
        dossier["waivers"] = new JsonArray(Waiver("no-such-rule", "deploy-external", "2027-01-01T00:00:00Z"));
        var evaluation = PolicyGate.Evaluate(Mixed, Parse(dossier));
        Assert.False(evaluation.Succeeded);
        Assert.Null(evaluation.Result);
        Assert.Equal("The waiver granted by decision dec-90 names rule 'no-such-rule', which policy test-policy@1 does not have.", Assert.Single(evaluation.Errors));
    }

    [Fact]
    public void StableJson_HasExactlyTheDocumentedShape()
    {
        var policy = Load(Policy(Rule("profile", "dossier.card.profiles['sb53-transparency'].complete", when: "has(dossier.card)") + Rule("none", "false", severity: "warn", appliesTo: "[train]")));
        var dossier = Parse(Dossier());
        var result = PolicyGate.Evaluate(policy, dossier).Result!;
        var expected = $$$"""
            {"result":"allow","dossierDigest":"{{{dossier.Sha256}}}","policyVersion":"test-policy@1","rules":[{"id":"profile","outcome":"pass","severity":"block","message":"Rule profile must hold.","read":{"dossier.card.profiles[\"sb53-transparency\"].complete":true}},{"id":"none","outcome":"not-applicable","severity":"warn","message":"Rule none must hold.","read":{}}]}
            """;
        Assert.Equal(expected, result.ToJson());
        Assert.Equal(policy.Sha256, result.PolicySha256);
        Assert.True(result.Allowed);
    }

    [Fact]
    public void Evaluation_IsDeterministic_AndSafeAcrossThreads()
    {
        var dossier = Parse(Dossier());
        var expected = PolicyGate.Evaluate(Mixed, dossier).Result!.ToJson();
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = PolicyGate.Evaluate(Mixed, dossier).Result!.ToJson());
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static JsonObject Waiver(string rule, string action, string expiresAt) => new()
    {
        ["ruleId"] = rule,
        ["system"] = "frontier-x",
        ["version"] = "2.0.0",
        ["action"] = action,
        ["decisionId"] = "dec-90",
        ["reason"] = "Report due next week.",
        ["expiresAt"] = expiresAt,
    };
}
