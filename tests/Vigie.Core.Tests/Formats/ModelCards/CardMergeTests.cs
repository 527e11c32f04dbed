using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Core.Tests.Formats.ModelCards;

public sealed class CardMergeTests
{
    [Fact]
    public void Overlay_KeepsFieldsTheImportLeavesEmpty_AndTakesTheOthers()
    {
        var current = CardFixtures.Card("""
            {"model":{"name":"Old","contact":"safety@example.org"},"risk":{"thirdPartyEvaluators":"Two labs."},
             "extra":{"widget":[1],"keep":true},"sections":[{"heading":"Old","level":1,"text":"x"}]}
            """);
        var incoming = CardFixtures.Card("""{"model":{"name":"New","license":"mit"},"extra":{"widget":[2]}}""");

        var merged = CardMerge.Overlay(current, incoming).Card!;

        Assert.Equal(("New", "mit", "safety@example.org"), (merged.Text("model.name"), merged.Text("model.license"), merged.Text("model.contact")));
        Assert.Equal("Two labs.", merged.Text("risk.thirdPartyEvaluators"));
        Assert.Equal("""{"widget":[2],"keep":true}""", merged.Extra.ToJsonString());
        Assert.Equal("Old", Assert.Single(merged.Sections).Heading);
    }
}
