using System.Text.Json.Nodes;
using Vigie.Core.Governance;
using Vigie.Core.Policies;
using Xunit;
using static Vigie.Core.Tests.Policies.PolicyFixtures;

namespace Vigie.Core.Tests.Policies;

/// <summary>
/// The shipped policies load (every rule compiled, schema-checked and dry-run) and give the
/// answers their texts call for on dossiers built for it.
/// </summary>
public sealed class PresetTests
{
    public static TheoryData<string> Presets => [.. PolicyPresets.Files];

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_Loads_AndEveryRuleCitesWhatItImplements(string file)
    {
        var policy = PolicyPresets.Load(file);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), policy.Name);
        Assert.NotEmpty(policy.Rules);
        Assert.All(policy.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Implements)));
        Assert.All(policy.Rules, r => Assert.NotEmpty(r.Reads));
    }

    [Fact]
    public void ThreePresets_AreShipped()
    {
        Assert.Equal([PolicyPresets.Preparedness, PolicyPresets.Regulatory, PolicyPresets.Rsp], PolicyPresets.Files);
    }

    [Fact]
    public void Preparedness_AllowsDeployment_AtMediumAfterMitigation()
    {
        var result = Gate(PolicyPresets.Load(PolicyPresets.Preparedness), Dossier());
        Assert.Equal(GateVerdict.Allow, result.Verdict);
        Assert.Equal(RuleOutcome.NotApplicable, RuleOf(result, "develop-only-at-high-or-below").Outcome);
        Assert.Equal(RuleOutcome.Pass, RuleOf(result, "evaluation-every-doubling").Outcome);
    }

    [Fact]
    public void Preparedness_DeniesDeployment_AtHighAfterMitigation_ButAllowsFurtherTraining()
    {
        var policy = PolicyPresets.Load(PolicyPresets.Preparedness);
        var deploy = Dossier();
        Category(deploy)["postMitigation"] = "high";
        var denied = Gate(policy, deploy);
        Assert.Equal(GateVerdict.Deny, denied.Verdict);
        var rule = RuleOf(denied, "deploy-only-at-medium-or-below");
        Assert.Equal(RuleOutcome.Fail, rule.Outcome);
        Assert.Equal("[\"high\"]", Read(rule, "dossier.scorecard.categories[*].postMitigation"));

        var train = WithDecision(Dossier(DecisionTypes.ContinueTraining), DecisionTypes.ContinueTraining);
        Category(train)["postMitigation"] = "high";
        Assert.Equal(RuleOutcome.Pass, RuleOf(Gate(policy, train), "develop-only-at-high-or-below").Outcome);

        Category(train)["postMitigation"] = "critical";
        var stopped = Gate(policy, train);
        Assert.Equal(GateVerdict.Deny, stopped.Verdict);
        Assert.Equal(RuleOutcome.Fail, RuleOf(stopped, "develop-only-at-high-or-below").Outcome);
    }

    [Fact]
    public void Preparedness_DeniesWhenComputeMoreThanDoubledSinceTheLastEvaluation()
    {
        var dossier = Dossier();
        dossier["compute"]!["effectiveCompute"] = 4.1e25; // the evaluation ran at 2e25
        var result = Gate(PolicyPresets.Load(PolicyPresets.Preparedness), dossier);
        Assert.Equal(GateVerdict.Deny, result.Verdict);
        var rule = RuleOf(result, "evaluation-every-doubling");
        Assert.Equal(RuleOutcome.Fail, rule.Outcome);
        Assert.Equal("4.1e+25", Read(rule, "dossier.compute.effectiveCompute"));
    }

    [Fact]
    public void Preparedness_DeniesWithoutAScorecard_WithoutAnEvaluationError()
    {
        var dossier = Dossier();
        dossier.Remove("scorecard");
        var result = Gate(PolicyPresets.Load(PolicyPresets.Preparedness), dossier);
        Assert.Equal(GateVerdict.Deny, result.Verdict);
        Assert.Equal(RuleOutcome.Fail, RuleOf(result, "scorecard-present").Outcome);
        Assert.Equal(RuleOutcome.NotApplicable, RuleOf(result, "deploy-only-at-medium-or-below").Outcome);
        Assert.All(result.Rules, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Rsp_AllowsDeployment_WithBothStandardsOfTheRequiredLevel()
    {
        var dossier = Dossier();
        Safeguards(dossier).Add(new JsonObject { ["id"] = "asl3-security-standard", ["standard"] = "security", ["asl"] = 3, ["status"] = "implemented" });
        Assert.Equal(GateVerdict.Allow, Gate(PolicyPresets.Load(PolicyPresets.Rsp), dossier).Verdict);
    }

    [Fact]
    public void Rsp_DeniesDeployment_WithoutTheSecurityStandard_AndWhenTheRequiredLevelRises()
    {
        var policy = PolicyPresets.Load(PolicyPresets.Rsp);
        var missing = Gate(policy, Dossier());
        Assert.Equal(GateVerdict.Deny, missing.Verdict);
        Assert.Equal(RuleOutcome.Fail, RuleOf(missing, "security-standard-for-deployment").Outcome);
        Assert.Equal(RuleOutcome.Pass, RuleOf(missing, "deployment-standard-for-deployment").Outcome);

        var raised = Dossier();
        Safeguards(raised).Add(new JsonObject { ["id"] = "asl3-security-standard", ["standard"] = "security", ["asl"] = 3, ["status"] = "implemented" });
        raised["scorecard"]!["requiredAsl"] = 4;
        var result = Gate(policy, raised);
        Assert.Equal(GateVerdict.Deny, result.Verdict);
        Assert.Equal(RuleOutcome.Fail, RuleOf(result, "deployment-standard-for-deployment").Outcome);
        Assert.Equal("4", Read(RuleOf(result, "deployment-standard-for-deployment"), "dossier.scorecard.requiredAsl"));
    }

    [Fact]
    public void Regulatory_AllowsExternalDeployment_WithEverythingOnRecord()
    {
        var dossier = Dossier();
        dossier["card"]!["profiles"]!["eu-annex-xi"] = new JsonObject { ["complete"] = true, ["missing"] = new JsonArray() };
        var result = Gate(PolicyPresets.Load(PolicyPresets.Regulatory), dossier);
        Assert.Equal(GateVerdict.Allow, result.Verdict);
        Assert.Equal(RuleOutcome.NotApplicable, RuleOf(result, "sb53-transparency-report").Outcome); // 3.2e25 FLOP is not a frontier model
        Assert.Equal(RuleOutcome.Pass, RuleOf(result, "eu-systemic-risk-notification").Outcome);
    }

    [Fact]
    public void Regulatory_DeniesExternalDeployment_OfAFrontierModelWithoutTheSb53Report_OrWithAnOpenCriticalIncident()
    {
        var policy = PolicyPresets.Load(PolicyPresets.Regulatory);
        var frontier = Dossier();
        frontier["card"]!["profiles"]!["eu-annex-xi"] = new JsonObject { ["complete"] = true, ["missing"] = new JsonArray() };
        frontier["compute"]!["totalFlopWithLineage"] = 2e26;
        frontier["card"]!["profiles"]!["sb53-transparency"] = new JsonObject { ["complete"] = false, ["missing"] = new JsonArray("model.contact") };
        var result = Gate(policy, frontier);
        Assert.Equal(GateVerdict.Deny, result.Verdict);
        Assert.Equal(RuleOutcome.Fail, RuleOf(result, "sb53-transparency-report").Outcome);

        var incident = Dossier();
        incident["card"]!["profiles"]!["eu-annex-xi"] = new JsonObject { ["complete"] = true, ["missing"] = new JsonArray() };
        incident["incidents"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "inc-9", ["severity"] = "critical", ["status"] = "open", ["discoveredAt"] = "2026-11-26T00:00:00.000Z",
        });
        var blocked = Gate(policy, incident);
        Assert.Equal(GateVerdict.Deny, blocked.Verdict);
        Assert.Equal([RuleOf(blocked, "no-open-critical-incident")], blocked.Rules.Where(r => r.Outcome == RuleOutcome.Fail));
    }

    [Fact]
    public void Regulatory_DeniesAboveTheEuThresholdWithoutNotification_AndWarnsWhenIncidentsAreNotTracked()
    {
        var dossier = Dossier();
        dossier["card"]!["profiles"]!["eu-annex-xi"] = new JsonObject { ["complete"] = true, ["missing"] = new JsonArray() };
        dossier.Remove("regulatory");
        dossier.Remove("incidents");
        var result = Gate(PolicyPresets.Load(PolicyPresets.Regulatory), dossier);
        Assert.Equal(GateVerdict.Deny, result.Verdict);
        Assert.Equal(RuleOutcome.Fail, RuleOf(result, "eu-systemic-risk-notification").Outcome);
        Assert.Equal(RuleOutcome.NotApplicable, RuleOf(result, "no-open-critical-incident").Outcome);
        Assert.Equal(RuleOutcome.Fail, RuleOf(result, "incidents-tracked").Outcome);

        dossier["compute"]!["totalFlopWithLineage"] = 5e24;
        Assert.Equal(GateVerdict.AllowWithWarnings, Gate(PolicyPresets.Load(PolicyPresets.Regulatory), dossier).Verdict);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_DeniesEveryAction_WithoutAnApprovedDecisionOnCurrentEvidence(string file)
    {
        var policy = PolicyPresets.Load(file);
        foreach (var action in DecisionTypes.Actions)
        {
            var dossier = Dossier(action);
            dossier["decisions"]![0]!["stale"] = true;
            var result = Gate(policy, dossier);
            Assert.Equal(GateVerdict.Deny, result.Verdict);
            Assert.Equal(RuleOutcome.Fail, RuleOf(result, "approved-decision").Outcome);
        }
    }

    private static JsonObject Category(JsonObject dossier) => dossier["scorecard"]!["categories"]![0]!.AsObject();

    private static JsonArray Safeguards(JsonObject dossier) => dossier["scorecard"]!["safeguards"]!.AsArray();

    private static JsonObject WithDecision(JsonObject dossier, string type)
    {
        dossier["decisions"]![0]!["type"] = type;
        return dossier;
    }

    private static string? Read(RuleResult rule, string path) => Assert.Single(rule.Read, r => r.Path == path).Value?.ToJsonString();
}
