using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Core.Governance;
using Vigie.Core.Json;
using Vigie.Core.Policies;
using Xunit;
using static Vigie.Core.Tests.Policies.PolicyFixtures;

namespace Vigie.Core.Tests.Policies;

/// <summary>The dossier schema, its sample, the checks a dossier passes and its RFC 8785 digest.</summary>
public sealed class ReleaseDossierTests
{
    [Fact]
    public void Sample_FillsEveryFieldOfTheSchema()
    {
        // The dry run can only call a misspelt field an error if the sample has every real one.
        Assert.Empty(DossierShape.UnfilledBySample());
    }

    [Fact]
    public void Sample_ConformsToTheSchema_AndTheSchemaIsValidDraft202012()
    {
        using var sample = JsonDocument.Parse(DossierSchema.SampleText);
        Assert.Empty(DossierSchema.Validate(sample.RootElement));

        var metaSchema = global::Json.Schema.MetaSchemas.Draft202012;
        using var schema = JsonDocument.Parse(DossierSchema.Text);
        Assert.True(metaSchema.Evaluate(schema.RootElement).IsValid);
        Assert.Equal(DossierSchema.Id, schema.RootElement.GetProperty("$id").GetString());
    }

    [Fact]
    public void Minimal_KeepsOnlyRequiredFields_AndOneReducedElementPerList()
    {
        var minimal = DossierShape.Minimal(DossierSchema.Sample)!.AsObject();
        Assert.Equal(["schemaVersion", "system", "version", "action", "time", "evaluations", "decisions", "waivers", "compute"], minimal.Select(p => p.Key));
        Assert.Equal(["id", "name", "sha256", "recordedAt"], minimal["evaluations"]![0]!.AsObject().Select(p => p.Key));
        Assert.Empty(minimal["compute"]!.AsObject());
        Assert.Empty(DossierSchema.Validate(JsonSerializer.SerializeToElement(minimal)));
    }

    [Fact]
    public void Digest_IsSha256OfTheRfc8785Form_WhateverTheKeyOrderAndNumberSpelling()
    {
        var dossier = Parse(Dossier());
        var canonical = Jcs.Canonicalize(JsonSerializer.SerializeToElement(Dossier()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(canonical)), dossier.Sha256);

        // Same content, other spelling: keys reversed, 3.0e25 written as 30000000000000000000000000.
        var reordered = new JsonObject(Dossier().Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var text = reordered.ToJsonString().Replace("\"trainingFlop\":3.0e25", "\"trainingFlop\":30000000000000000000000000", StringComparison.Ordinal);
        Assert.Contains("30000000000000000000000000", text, StringComparison.Ordinal);
        Assert.Equal(dossier.Sha256, ReleaseDossier.Parse(text).Dossier!.Sha256);

        var changed = Dossier();
        changed["time"] = "2026-11-27T10:00:00.001Z";
        Assert.NotEqual(dossier.Sha256, Parse(changed).Sha256);
    }

    [Fact]
    public void Dossier_ExposesItsScope()
    {
        var dossier = Parse(Dossier(DecisionTypes.ContinueTraining));
        Assert.Equal(("frontier-x", "2.0.0", "continue-training"), (dossier.System, dossier.Version, dossier.Action));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), dossier.Time);
    }

    [Theory]
    [InlineData("schemaVersion", "2", "/schemaVersion")]
    [InlineData("action", "\"ship\"", "/action")]
    [InlineData("time", "\"2026-13-45T10:00:00Z\"", "/time")]
    [InlineData("time", "\"27 Nov 2026\"", "/time")]
    [InlineData("surprise", "true", "surprise")]
    public void DossierThatBreaksTheSchema_IsRefused_NamingWhere(string field, string json, string expected)
    {
        var dossier = Dossier();
        dossier[field] = JsonNode.Parse(json);
        var parse = ReleaseDossier.Parse(dossier.ToJsonString());
        Assert.False(parse.Succeeded);
        Assert.Contains(expected, parse.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void DossierWithoutRequiredParts_OrNotIJson_OrTooLarge_IsRefused()
    {
        var missing = Dossier();
        missing.Remove("decisions");
        Assert.Contains("decisions", ReleaseDossier.Parse(missing.ToJsonString()).ErrorText, StringComparison.Ordinal);

        var duplicate = "{\"action\":\"train\",\"action\":\"train\"}";
        Assert.Contains("I-JSON", ReleaseDossier.Parse(duplicate).ErrorText, StringComparison.Ordinal);

        var huge = new byte[ReleaseDossier.MaxBytes + 1];
        Assert.Contains("at most", ReleaseDossier.Parse(huge).ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void WaiverForAnotherVersion_IsRefused()
    {
        var dossier = Sample();
        dossier["waivers"]![0]!["version"] = "1.0.0";
        var parse = ReleaseDossier.Parse(dossier.ToJsonString());
        Assert.False(parse.Succeeded);
        Assert.Contains("is for frontier-x@1.0.0, not for this dossier's frontier-x@2.0.0", parse.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaText_IsPublishedAsUtf8()
    {
        Assert.Equal(DossierSchema.Text, Encoding.UTF8.GetString(DossierSchema.Utf8));
        Assert.Equal("application/schema+json", DossierSchema.MediaType);
    }
}
