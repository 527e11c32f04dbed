using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigie.Core.Formats.ModelCards;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Cards;

public abstract class CardImportExportTests : ServerTest
{
    [Fact]
    public async Task Import_MakesARevision_RecordingTheReadmeDigest_AndReadsItsFields()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");

        var response = await CardApi.ImportAsync(admin, "atlas", "1.0", CardApi.Readme, "baseRevision=0");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await ReadJsonAsync(response);
        Assert.Equal(1, created.GetProperty("revision").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CardApi.Readme))), created.GetProperty("source").GetProperty("sha256").GetString());
        var card = (await ReadJsonAsync(await admin.GetAsync(CardApi.CardPath("atlas", "1.0")))).GetProperty("card");
        Assert.Equal("atlas-1", card.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal(1710, card.GetProperty("environment").GetProperty("co2eqEmissionsGrams").GetDouble());
        Assert.Equal("Bonjour", card.GetProperty("extra").GetProperty("widget")[0].GetProperty("text").GetString());
        Assert.Equal(["Atlas 1", "Limitations"], card.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("heading").GetString()));
    }

    [Fact]
    public async Task ImportWithMerge_KeepsTheFieldsTheReadmeDoesNotHave()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"contact":"safety@example.org","license":"mit"}}""", 0);

        var merged = await CardApi.ImportAsync(admin, "atlas", "1.0", CardApi.Readme, "baseRevision=1&merge=true&editorial=true");

        Assert.Equal(HttpStatusCode.Created, merged.StatusCode);
        Assert.False((await ReadJsonAsync(merged)).GetProperty("material").GetBoolean());
        var model = (await ReadJsonAsync(await admin.GetAsync(CardApi.CardPath("atlas", "1.0")))).GetProperty("card").GetProperty("model");
        Assert.Equal(("safety@example.org", "apache-2.0"), (model.GetProperty("contact").GetString(), model.GetProperty("license").GetString()));
    }

    [Theory]
    [InlineData("---\nlicense: mit\ntags: [a, b\n---\n", "text/markdown", 400, "not valid (at|near) line [34]")]
    [InlineData("---\nlicense: mit\n", "text/markdown", 400, "never closed")]
    [InlineData("# ok", "application/json", 415, "text/markdown")]
    [InlineData("", "text/markdown", 400, "empty")]
    public async Task BadImport_IsRefused_WithAReason_AndWritesNothing(string readme, string mediaType, int status, string pattern)
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        var size = TreeSize;

        var response = await CardApi.ImportAsync(admin, "atlas", "1.0", readme, "baseRevision=0", mediaType);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Matches(pattern, (await ReadJsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task OversizedReadme_IsRefusedEarly()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        var size = TreeSize;

        var response = await CardApi.ImportAsync(admin, "atlas", "1.0", "# Big\n" + new string('x', 600_000), "baseRevision=0");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task ReadmeWhoseCardWouldNotFitInTheLog_IsRefused()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");

        var response = await CardApi.ImportAsync(admin, "atlas", "1.0", "# Big\n" + new string('x', 45_000), "baseRevision=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("fit in one log entry", (await ReadJsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task LargeRevision_KeepsTheDiffPaths_ButLeavesOutValuesThatWouldNotFit()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        var text = new string('y', 36_000);

        var response = await CardApi.PutAsync(admin, "atlas", "1.0", $$"""{"sections":[{"heading":"Long","level":1,"text":"{{text}}"}]}""", 0);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var revision = await ReadJsonAsync(await admin.GetAsync(CardApi.CardPath("atlas", "1.0") + "/revisions/1"));
        Assert.True(revision.GetProperty("diffValuesOmitted").GetBoolean());
        Assert.Equal("""{"path":"sections","op":"add"}""", Assert.Single(revision.GetProperty("diff").EnumerateArray()).GetRawText());
    }

    [Fact]
    public async Task Exports_HaveTheirMediaTypes_AndAreTheSameBytesEachTime()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        await CardApi.ImportAsync(admin, "atlas", "1.0", CardApi.Readme, "baseRevision=0");

        var hf = await admin.GetAsync(CardApi.CardPath("atlas", "1.0") + "/export?format=hf");
        Assert.Equal("text/markdown", hf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("atlas-1.0-card-r1.md", hf.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var card = (await ReadJsonAsync(await admin.GetAsync(CardApi.CardPath("atlas", "1.0")))).GetProperty("card").GetRawText();
        var reimported = HuggingFaceCard.Read(await hf.Content.ReadAsStringAsync());
        Assert.Equal(ModelCard.FromJson(card).Card!.Sha256, reimported.Card!.Sha256);

        var cdx = await admin.GetAsync(CardApi.CardPath("atlas", "1.0") + "/export?format=cyclonedx");
        Assert.Equal("application/vnd.cyclonedx+json", cdx.Content.Headers.ContentType!.MediaType);
        var bom = await ReadJsonAsync(cdx);
        Assert.Equal("atlas-1", bom.GetProperty("components")[0].GetProperty("name").GetString());
        var again = await (await admin.GetAsync(CardApi.CardPath("atlas", "1.0") + "/export?format=cyclonedx")).Content.ReadAsStringAsync();
        Assert.Equal(bom.GetRawText(), JsonDocument.Parse(again).RootElement.GetRawText());

        var spdx = await ReadJsonAsync(await admin.GetAsync(CardApi.CardPath("atlas", "1.0") + "/export?format=spdx&revision=1"));
        Assert.Equal("https://spdx.org/rdf/3.0.1/spdx-context.jsonld", spdx.GetProperty("@context").GetString());
        Assert.Contains(spdx.GetProperty("@graph").EnumerateArray(), e => e.GetProperty("type").GetString() == "ai_AIPackage" &&
            e.GetProperty("spdxId").GetString()!.EndsWith("/card/revisions/1#model", StringComparison.Ordinal));

        var bad = await admin.GetAsync(CardApi.CardPath("atlas", "1.0") + "/export?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("hf, cyclonedx, spdx", (await ReadJsonAsync(bad)).GetProperty("detail").GetString());
    }
}

public sealed class CardImportExportTestsOnSqlite : CardImportExportTests
{
    protected override bool UsePostgres => false;
}

public sealed class CardImportExportTestsOnPostgres : CardImportExportTests
{
    protected override bool UsePostgres => true;
}
