using System.Text.Json.Nodes;
using Vigie.Core.Policies;
using Xunit;
using static Vigie.Core.Tests.Policies.PolicyFixtures;

namespace Vigie.Core.Tests.Policies;

/// <summary>Which dossier paths a rule is found to read, and the values a gate result shows for them.</summary>
public sealed class ReadPathTests
{
    [Theory]
    [InlineData("has(dossier.card) && dossier.card.sha256 != ''", "dossier.card|dossier.card.sha256")]
    [InlineData("dossier.evaluations.all(e, has(e.score) && e.score < 0.5)", "dossier.evaluations|dossier.evaluations[*].score")]
    [InlineData("dossier.decisions.filter(d, d.status == 'approved').exists(d, d.type == 'train')", "dossier.decisions|dossier.decisions[*].status|dossier.decisions[*].type")]
    [InlineData("dossier.decisions.map(d, d.id).exists(i, i == 'x')", "dossier.decisions|dossier.decisions[*].id")]
    [InlineData("dossier.card.profiles['eu-annex-xi'].complete", "dossier.card.profiles[\"eu-annex-xi\"].complete")]
    [InlineData("dossier.decisions[0].stale", "dossier.decisions[0].stale")]
    [InlineData("dossier.card.profiles[dossier.action] == null", "dossier.card.profiles|dossier.action")]
    [InlineData("dossier.evaluations.exists(e, dossier.decisions.exists(d, d.openedAt > e.recordedAt))", "dossier.evaluations|dossier.decisions|dossier.decisions[*].openedAt|dossier.evaluations[*].recordedAt")]
    public void ReadPaths_CoverEverySelectionFromTheDossier(string expression, string expected)
    {
        var compiled = CelRuntime.Compile(expression);
        Assert.Null(compiled.Error);
        var paths = ReadPathCollector.Collect(compiled.Tree!).Paths.Select(p => p.Text);
        Assert.Equal(expected.Split('|'), paths);
    }

    [Fact]
    public void GateResult_ShowsTheLeavesRead_WithAbsentValuesAsNull()
    {
        var policy = Load(Policy(Rule("reads", "dossier.evaluations.all(e, !has(e.harness) || e.harness == 'inspect') && (!has(dossier.impact) || dossier.impact.assessments.size() >= 0)")));
        var dossier = Dossier();
        dossier["evaluations"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "ev-121", ["name"] = "cyber-range", ["sha256"] = new string('a', 64), ["recordedAt"] = "2026-11-21T00:00:00.000Z",
        });
        dossier.Remove("impact");
        var read = RuleOf(Gate(policy, dossier), "reads").Read.ToDictionary(r => r.Path, r => r.Value?.ToJsonString());
        Assert.Equal(["dossier.evaluations[*].harness", "dossier.impact.assessments"], read.Keys);
        Assert.Equal("[\"inspect\"]", read["dossier.evaluations[*].harness"]);
        Assert.Null(read["dossier.impact.assessments"]);
    }
}
