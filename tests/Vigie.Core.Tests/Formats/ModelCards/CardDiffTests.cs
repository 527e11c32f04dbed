using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Core.Tests.Formats.ModelCards;

public sealed class CardDiffTests
{
    [Fact]
    public void Diff_ListsAddRemoveReplace_WithPathsAndValues()
    {
        var before = CardFixtures.Card("""{"model":{"name":"M","version":"1"},"training":{"computeFlop":1e24},"technical":{"languages":["en","fr"]}}""");
        var after = CardFixtures.Card("""{"model":{"name":"M","summary":"New."},"training":{"computeFlop":3.8e25},"technical":{"languages":["en"]}}""");

        var changes = CardDiff.Compute(before, after).Select(c => (c.Path, c.Op, Old: c.Old?.ToJsonString(), New: c.New?.ToJsonString())).ToList();

        Assert.Equal(
            [
                ("model.summary", "add", null, "\"New.\""),
                ("model.version", "remove", "\"1\"", null),
                ("technical.languages[1]", "remove", "\"fr\"", null),
                ("training.computeFlop", "replace", "1e+24", "3.8e+25"),
            ],
            changes);
    }

    [Fact]
    public void Diff_FromEmptyCard_AddsWholeGroups()
    {
        var after = CardFixtures.Card("""{"risk":{"safetyRiskAssessment":"low"}}""");

        var change = Assert.Single(CardDiff.Compute(ModelCard.Empty, after));

        Assert.Equal(("risk", "add"), (change.Path, change.Op));
        Assert.Equal("""{"safetyRiskAssessment":"low"}""", change.New!.ToJsonString());
    }

    [Fact]
    public void Diff_GoesIntoRecords_AndQuotesOddExtraKeys()
    {
        var before = CardFixtures.Card("""{"evaluation":{"results":[{"metrics":[{"type":"acc","value":0.5}]}]},"extra":{"co2 eq":1}}""");
        var after = CardFixtures.Card("""{"evaluation":{"results":[{"metrics":[{"type":"acc","value":"0.5 ± 0.1"}]}]},"extra":{"co2 eq":2}}""");

        var paths = CardDiff.Compute(before, after).Select(c => c.Path).ToList();

        Assert.Equal(["evaluation.results[0].metrics[0].value", "extra[\"co2 eq\"]"], paths);
    }

    [Fact]
    public void Change_AsJson_OmitsAbsentSides_AndCanDropValues()
    {
        var change = new CardChange("model.name", CardChange.Add, null, System.Text.Json.Nodes.JsonValue.Create("M"));

        Assert.Equal("""{"path":"model.name","op":"add","new":"M"}""", change.ToJson().ToJsonString());
        Assert.Equal("""{"path":"model.name","op":"add"}""", change.ToJson(withValues: false).ToJsonString());
    }
}
