using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Core.Tests.Formats.ModelCards;

public sealed class ModelCardValidationTests
{
    [Theory]
    [InlineData("""{"training":{"computeFlop":"lots"}}""", "training.computeFlop", "must be a number, not text; got 'lots'")]
    [InlineData("""{"training":{"computeFlop":-1}}""", "training.computeFlop", "must be between 0 and 1e+40")]
    [InlineData("""{"risk":{"safetyRiskAssessment":"critical"}}""", "risk.safetyRiskAssessment", "must be one of serious, high, medium, low; got 'critical'")]
    [InlineData("""{"technical":{"autonomyType":true}}""", "technical.autonomyType", "must be one of yes, no, noAssertion; got true/false")]
    [InlineData("""{"technical":{"learningApproach":"magic"}}""", "technical.learningApproach", "supervised, unsupervised, reinforcement-learning")]
    [InlineData("""{"technical":{"parameterCount":1.5}}""", "technical.parameterCount", "must be a whole number")]
    [InlineData("""{"model":{"releaseDate":"01/03/2026"}}""", "model.releaseDate", "yyyy-MM-dd")]
    [InlineData("""{"model":{"releaseDate":"2026-02-30"}}""", "model.releaseDate", "yyyy-MM-dd")]
    [InlineData("""{"model":{"website":"example.org"}}""", "model.website", "absolute http(s) URL")]
    [InlineData("""{"model":{"website":"ftp://example.org/"}}""", "model.website", "absolute http(s) URL")]
    [InlineData("""{"model":{"name":"two\nlines"}}""", "model.name", "must be one line")]
    [InlineData("""{"technical":{"languages":"en"}}""", "technical.languages", "must be a list of text; got text")]
    [InlineData("""{"technical":{"languages":["en", 7]}}""", "technical.languages[1]", "must be text; got a number")]
    [InlineData("""{"model":{"tags":["a, b"]}}""", "model.tags[0]", "must not contain a comma")]
    [InlineData("""{"technical":{"hyperparameters":{"lr":0.1}}}""", "technical.hyperparameters.lr", "must be text; got a number")]
    [InlineData("""{"risk":{"fairnessAssessments":[{"groupAtRisk":"x","harm":"y"}]}}""", "risk.fairnessAssessments[0].harm", "did you mean 'harms'?")]
    [InlineData("""{"training":{"computeFlops":1e25}}""", "training.computeFlops", "did you mean 'computeFlop'?")]
    [InlineData("""{"trainig":{}}""", "trainig", "did you mean 'training'?")]
    [InlineData("""{"model":"Aurora"}""", "model", "must be an object of model fields")]
    [InlineData("""{"training":{"startDate":"2026-02-01","endDate":"2026-01-01"}}""", "training.endDate", "before the training start")]
    [InlineData("""{"sections":[{"heading":"A","level":2,"text":"x\n## B\ny"}]}""", "sections[0].text", "contains a Markdown heading line")]
    [InlineData("""{"sections":[{"heading":"A","level":1,"text":"x"},{"level":0,"text":"y"}]}""", "sections[1].level", "only for the text before the first heading")]
    [InlineData("""{"sections":[{"heading":"A","level":1,"text":"```\ncode"},{"heading":"B","level":2}]}""", "sections[0].text", "code fence")]
    [InlineData("""{"evaluation":{"results":[{"metrics":[{"type":"acc","value":[1]}]}]}}""", "evaluation.results[0].metrics[0].value", "must be a number or text")]
    public void InvalidValue_IsReported_AgainstItsFieldPath(string json, string path, string message)
    {
        var parsed = ModelCard.FromJson(json);

        Assert.False(parsed.Succeeded);
        var issue = Assert.Single(parsed.Issues, i => i.Path == path);
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblem_IsReported_NotOnlyTheFirst()
    {
        var parsed = ModelCard.FromJson("""{"training":{"computeFlop":"x","energyKwh":-3},"risk":{"safetyRiskAssessment":"huge"}}""");

        Assert.Equal(["risk.safetyRiskAssessment", "training.computeFlop", "training.energyKwh"], parsed.Issues.Select(i => i.Path).Order());
    }

    [Fact]
    public void EmptyValues_AreAbsent_SoAFieldIsEitherFilledOrMissing()
    {
        var card = CardFixtures.Card("""{"model":{"name":"  ","summary":"","tags":[]},"uses":{"intended":["", "Research"]},"risk":{},"extra":{}}""");

        Assert.False(card.Has("model.name"));
        Assert.False(card.Has("model.tags"));
        Assert.Equal(["Research"], card.List("uses.intended"));
        Assert.Equal("""{"uses":{"intended":["Research"]}}""", card.ToJsonString());
    }

    [Fact]
    public void ExtraKeys_AreKeptVerbatim_WhateverTheirShape()
    {
        var card = CardFixtures.Card("""{"extra":{"widget":[{"text":"a\nb"}],"inference":false,"odd key":null}}""");

        Assert.Equal("""{"widget":[{"text":"a\nb"}],"inference":false,"odd key":null}""", card.Extra.ToJsonString());
    }

    [Fact]
    public void CanonicalJson_SortsKeys_AndTheDigestIsItsSha256()
    {
        var card = CardFixtures.Card("""{"training":{"computeFlop":3.8E+25},"model":{"name":"M"}}""");

        Assert.Equal("""{"model":{"name":"M"},"training":{"computeFlop":3.8e+25}}""", System.Text.Encoding.UTF8.GetString(card.CanonicalJson));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(card.CanonicalJson)), card.Sha256);
    }

    [Fact]
    public void SameContentInAnotherOrder_IsTheSameCard()
    {
        var a = CardFixtures.Card("""{"model":{"name":"M","version":"1"},"risk":{"safetyRiskAssessment":"low"}}""");
        var b = CardFixtures.Card("""{"risk":{"safetyRiskAssessment":"low"},"model":{"version":"1","name":"M"}}""");

        Assert.Equal(a.Sha256, b.Sha256);
        Assert.Empty(CardDiff.Compute(a, b));
    }

    [Fact]
    public void CardLargerThanOneLogEntryAllows_IsRefused()
    {
        var big = new string('x', 19_000);
        var parsed = ModelCard.FromJson($$"""{"sections":[{"heading":"A","level":1,"text":"{{big}}"},{"heading":"B","level":1,"text":"{{big}}"},{"heading":"C","level":1,"text":"{{big}}"}]}""");

        Assert.False(parsed.Succeeded);
        Assert.Contains("at most 40000 fit in one log entry", Assert.Single(parsed.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotJson_IsAnIssue_NotAnException()
    {
        var parsed = ModelCard.FromJson("{\"model\": ");

        Assert.Contains("not valid JSON", Assert.Single(parsed.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FullCard_IsValid_AndEveryCatalogueFieldIsUsed()
    {
        var card = CardFixtures.Full();

        var unused = CardSchema.Fields.Where(f => !card.Has(f.Path)).Select(f => f.Path).ToList();
        Assert.Empty(unused);
    }
}
