using System.Net;
using System.Net.Http.Json;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Registry;

public abstract class RegistryPagesTests : ServerTest
{
    [Fact]
    public async Task SystemPages_ShowInternalSystems_ToSignedInPeople_WithVersionsRunsAndSnapshot()
    {
        var admin = Factory.Admin();
        Assert.True((await admin.PostAsJsonAsync("/api/v1/systems", new { name = "atlas", owner = "Research", purpose = "Assistant <b>bold</b>" })).IsSuccessStatusCode);
        var digest = RandomSha256();
        Assert.True((await admin.PostAsJsonAsync("/api/v1/systems/atlas/versions", new { version = "1.0", weights = new { sha256 = digest } })).IsSuccessStatusCode);
        Assert.True((await admin.PostAsJsonAsync("/api/v1/systems/atlas/versions/1.0/training-runs", new { run = "pretrain", startedOn = "2026-01-01", computeFlop = 2.5e25 })).IsSuccessStatusCode);

        using var page = new PageClient(Factory);
        await page.SignInOkAsync(Factory.AdminToken);
        var list = await (await page.GetAsync("/app/systems")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/app/systems/atlas\"", list);
        Assert.Contains("Assistant &lt;b&gt;bold&lt;/b&gt;", list); // text is escaped, never markup

        var system = await (await page.GetAsync("/app/systems/atlas")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/app/systems/atlas/versions/1.0\"", system);

        var version = WebUtility.HtmlDecode(await (await page.GetAsync("/app/systems/atlas/versions/1.0")).Content.ReadAsStringAsync());
        Assert.True(version.Contains("2.5E+25 FLOP", StringComparison.Ordinal), version);
        Assert.Contains(digest, version);
        Assert.Contains("pretrain", version);
    }

    [Fact]
    public async Task SystemPages_NeedSignIn_AndUnknownSystemsSaySo()
    {
        using var page = new PageClient(Factory);
        var anonymous = await page.GetAsync("/app/systems");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/app/sign-in", anonymous.Headers.Location!.OriginalString);

        await page.SignInOkAsync(Factory.AdminToken);
        var missing = await (await page.GetAsync("/app/systems/ghost")).Content.ReadAsStringAsync();
        Assert.Contains("No system “ghost”", missing);
    }
}

public sealed class RegistryPagesTestsOnSqlite : RegistryPagesTests
{
    protected override bool UsePostgres => false;
}

public sealed class RegistryPagesTestsOnPostgres : RegistryPagesTests
{
    protected override bool UsePostgres => true;
}
