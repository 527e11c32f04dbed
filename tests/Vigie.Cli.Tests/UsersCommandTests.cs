using System.Net;
using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Xunit;

namespace Vigie.Cli.Tests;

public sealed class UsersCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private RealServer Server => fixture.Server;

    [Fact]
    public async Task UsersAdd_PrintsATokenThatWorks_ExitsZero()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);

        var result = await cli.RunAsync("users", "add", "bob", "--role", "member", "--role", "auditor", "--label", "laptop");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("will not be shown again", result.Out);
        var token = result.Out.Split('\n').Select(l => l.Trim()).Single(l => l.Length > 20 && !l.Contains(' '));
        using var client = Server.Client(token);
        var me = JsonDocument.Parse(await client.GetStringAsync("/api/v1/me")).RootElement;
        Assert.Equal("bob", me.GetProperty("name").GetString());
        Assert.DoesNotContain(Server.AdminToken, result.Out + result.Error);
    }

    [Fact]
    public async Task UsersAdd_UnknownRole_ExitsUsageAndNamesTheRole()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);

        var result = await cli.RunAsync("users", "add", "carol", "--role", "wizard");

        // The server's 400 is a usage error: the command line must change (exit 2), not a denial.
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'wizard' is not a role", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task UsersAdd_WithoutToken_ExitsThreeSayingWhatToSet()
    {
        using var cli = new CliRunner(Server.Url, token: null);

        var result = await cli.RunAsync("users", "add", "dave", "--role", "member");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("VIGIE_TOKEN", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task UsersAdd_WithRevokedOrBogusToken_ExitsThree()
    {
        using var cli = new CliRunner(Server.Url, "vigie_not_a_real_token_0000000000000000000000");

        var result = await cli.RunAsync("users", "list");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("token", result.Error);
    }

    [Fact]
    public async Task UsersList_Json_ListsAdminWithoutTokens()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);

        var result = await cli.RunAsync("users", "list", "--json");

        Assert.Equal(0, result.ExitCode);
        var users = JsonDocument.Parse(result.Out).RootElement;
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("name").GetString() == "admin");
        Assert.DoesNotContain(Server.AdminToken, result.Out);
    }

    [Fact]
    public async Task UsersToken_IssuesAnotherWorkingToken()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        Assert.Equal(0, (await cli.RunAsync("users", "add", "erin", "--role", "member")).ExitCode);

        var result = await cli.RunAsync("users", "token", "erin", "--label", "ci", "--json");

        Assert.Equal(0, result.ExitCode);
        var token = JsonDocument.Parse(result.Out).RootElement.GetProperty("token").GetString();
        using var client = Server.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }
}
