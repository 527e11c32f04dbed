using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Xunit;

namespace Vigie.Cli.Tests;

public sealed class LogPublishCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private RealServer Server => fixture.Server;

    private async Task<long> InternalEntryAsync(string visibility = "internal")
    {
        using var admin = Server.Client(Server.AdminToken);
        var response = await admin.PostAsJsonAsync("/api/v1/evidence", new { sha256 = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), name = "safety-case-draft.pdf", visibility });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("index").GetInt64();
    }

    [Fact]
    public async Task Reason_ThenPublish_AWithheldEntry_ShowsOnItsPortalPage_WithTheCommitmentCheck()
    {
        var entry = await InternalEntryAsync();
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var reason = await cli.RunAsync("log", "reason", entry.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reason", "A draft under review.");
        Assert.True(reason.ExitCode == 0, reason.ToString());
        var published = await cli.RunAsync("log", "publish", entry.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reason", "Review finished.", "--json");
        Assert.True(published.ExitCode == 0, published.ToString());
        Assert.Equal(entry, JsonDocument.Parse(published.Out).RootElement.GetProperty("entry").GetInt64());

        await Server.WaitForCheckpointAsync(entry + 3);
        using var anonymous = Server.Client();
        var page = await anonymous.GetStringAsync($"/entries/{entry}");
        Assert.Contains("safety-case-draft.pdf", page);
        Assert.Contains("A draft under review.", page);
        Assert.Contains("class=\"verified-mark\"", page);

        var again = await cli.RunAsync("log", "publish", entry.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already published", again.Error);
    }

    [Fact]
    public async Task Publish_WithoutAToken_OrOfAPublicEntry_IsRefused()
    {
        using var anonymous = new CliRunner(Server.Url);
        Assert.Equal(3, (await anonymous.RunAsync("log", "publish", "0")).ExitCode);
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        var noReason = await admin.RunAsync("log", "reason", "0");
        Assert.Equal(2, noReason.ExitCode);
        var publicEntry = await admin.RunAsync("log", "publish", (await InternalEntryAsync("public")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(publicEntry.ExitCode is 1, publicEntry.ToString());
        Assert.Contains("public already", publicEntry.Error);
    }
}
