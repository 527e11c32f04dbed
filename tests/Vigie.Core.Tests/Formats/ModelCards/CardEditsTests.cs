using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Core.Tests.Formats.ModelCards;

public sealed class CardEditsTests
{
    private static CardParseResult Edit(ModelCard card, params (string Path, string Text)[] edits) =>
        CardEdits.Apply(card, edits.Select(e => KeyValuePair.Create(e.Path, e.Text)));

    [Fact]
    public void TypedText_BecomesTypedValues()
    {
        var result = Edit(ModelCard.Empty,
            ("training.computeFlop", "3.8e25"),
            ("technical.parameterCount", "7_000_000_000"),
            ("technical.languages", "en, fr,\nde"),
            ("uses.intended", "Research, and teaching\r\nDrafting"),
            ("technical.hyperparameters", "lr = 3e-4\nbatch = 1024"),
            ("risk.safetyRiskAssessment", " medium "),
            ("evaluation.results", """[{"taskType":"qa","metrics":[{"type":"acc","value":0.7}]}]"""),
            ("extra.widget", """[{"text":"hi"}]"""),
            ("extra.note", "plain words"));

        Assert.True(result.Succeeded, string.Join("\n", result.Issues));
        var card = result.Card!;
        Assert.Equal(3.8e25, card.Number("training.computeFlop"));
        Assert.Equal(7e9, card.Number("technical.parameterCount"));
        Assert.Equal(["en", "fr", "de"], card.List("technical.languages"));
        Assert.Equal(["Research, and teaching", "Drafting"], card.List("uses.intended"));
        Assert.Equal([KeyValuePair.Create("lr", "3e-4"), KeyValuePair.Create("batch", "1024")], card.Map("technical.hyperparameters"));
        Assert.Equal("medium", card.Text("risk.safetyRiskAssessment"));
        Assert.Equal("""[{"text":"hi"}]""", card.Extra["widget"]!.ToJsonString());
        Assert.Equal("plain words", card.Extra["note"]!.GetValue<string>());
    }

    [Fact]
    public void EmptyText_RemovesTheField()
    {
        var card = CardFixtures.Card("""{"model":{"name":"M","version":"1"}}""");

        var edited = Edit(card, ("model.version", "")).Card!;

        Assert.False(edited.Has("model.version"));
        Assert.Equal("M", edited.Text("model.name"));
    }

    [Fact]
    public void BadEdits_AreAllReported_AndNothingApplies()
    {
        var result = Edit(ModelCard.Empty,
            ("training.computeFlop", "a lot"),
            ("risk.safetyRiskAssessment", "critical"),
            ("training.flops", "1"),
            ("technical.hyperparameters", "no equals sign"));

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                ("risk.safetyRiskAssessment", "must be one of serious, high, medium, low; got 'critical'."),
                ("technical.hyperparameters", "must be 'name = value' lines; 'no equals sign' has no name before '='."),
                ("training.computeFlop", "must be a number, e.g. 3.8e25 or 1200; got 'a lot'."),
                ("training.flops", "is not a known field; did you mean 'training.type'?"),
            ],
            result.Issues.Select(i => (i.Path, i.Message)).Order());
    }

    [Fact]
    public void Sections_AreEditedAsOneMarkdownBody()
    {
        var edited = Edit(ModelCard.Empty, ("sections", "Intro.\r\n\r\n# Title\r\n\r\nBody\r\n## Sub\r\nMore")).Card!;

        Assert.Equal(
            [new CardSection("", 0, "Intro."), new CardSection("Title", 1, "Body"), new CardSection("Sub", 2, "More")],
            edited.Sections);
    }

    [Theory]
    [InlineData("technical.languages", "en\nfr")]
    [InlineData("technical.hyperparameters", "lr = 3e-4\nbatch = 1024")]
    [InlineData("training.computeFlop", "3.8e+25")]
    [InlineData("model.summary", "Line one\n\nLine two")]
    public void FormattedValue_ParsesBackToTheSameValue(string path, string text)
    {
        var field = CardSchema.Find(path)!;
        Assert.True(FieldText.TryParse(field, text, out var value, out var error), error);

        Assert.Equal(text, FieldText.Format(field, value));
    }
}
