using System.Net;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Portal;

public abstract class LogHomePageTests : ServerTest
{
    [Fact]
    public async Task HomePage_ShowsTheLogAndItsPublicEntries_ButNotInternalOnes()
    {
        var admin = Factory.Admin();
        await RecordEvidenceAsync(admin, RandomSha256(), name: "public-model-card.md", visibility: "public");
        await RecordEvidenceAsync(admin, RandomSha256(), name: "secret-safety-case.pdf", visibility: "internal");
        await CheckpointCoveringAsync(admin, 4);

        var response = await Factory.CreateClient().GetAsync("/log");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("test.vigie.example/log", html);
        Assert.Contains("public-model-card.md", html);
        Assert.DoesNotContain("secret-safety-case.pdf", html);
        Assert.Contains("<dt>Entries</dt><dd>4</dd>", html);
    }

    [Fact]
    public async Task Stylesheet_IsServedFromTheAssembly()
    {
        var response = await Factory.CreateClient().GetAsync("/vigie.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("dl.facts", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPage_IsNotFoundProblem()
    {
        var response = await Factory.CreateClient().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class LogHomePageTestsOnSqlite : LogHomePageTests
{
    protected override bool UsePostgres => false;
}

public sealed class LogHomePageTestsOnPostgres : LogHomePageTests
{
    protected override bool UsePostgres => true;
}
