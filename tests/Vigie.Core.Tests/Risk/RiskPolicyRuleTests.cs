using System.Text.Json.Nodes;
using Vigie.Core.Policies;
using Vigie.Core.Tests.Policies;
using Xunit;
using static Vigie.Core.Tests.Policies.PolicyFixtures;

namespace Vigie.Core.Tests.Risk;

/// <summary>The preset policy's rule on the risk scorecard: an unknown tracked category blocks deployment; a confirmed level lets it through.</summary>
public sealed class RiskPolicyRuleTests
{
    [Fact]
    public void AnUnknownTrackedCategory_BlocksDeployment()
    {
        var policy = PolicyPresets.Load(PolicyPresets.Preparedness);
        var dossier = Dossier();
        Category(dossier)["preMitigation"] = "unknown";
        Category(dossier)["postMitigation"] = "unknown";

        var result = Gate(policy, dossier);

        Assert.Equal(GateVerdict.Deny, result.Verdict);
        Assert.Equal(RuleOutcome.Fail, RuleOf(result, "tracked-categories-known").Outcome);
        Assert.Equal(RuleOutcome.Fail, RuleOf(result, "deploy-only-at-medium-or-below").Outcome);
        Assert.Equal("[\"unknown\"]", Read(RuleOf(result, "tracked-categories-known"), "dossier.scorecard.categories[*].preMitigation"));
    }

    [Fact]
    public void AKnownLevel_PassesTheRule()
    {
        var result = Gate(PolicyPresets.Load(PolicyPresets.Preparedness), Dossier());
        Assert.Equal(RuleOutcome.Pass, RuleOf(result, "tracked-categories-known").Outcome);
    }

    private static JsonObject Category(JsonObject dossier) => dossier["scorecard"]!["categories"]![0]!.AsObject();

    private static string? Read(RuleResult rule, string path) => Assert.Single(rule.Read, r => r.Path == path).Value?.ToJsonString();
}
