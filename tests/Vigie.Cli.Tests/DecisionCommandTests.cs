using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Xunit;

namespace Vigie.Cli.Tests;

/// <summary>The decision and charter commands against a real server with the preparedness-style preset adopted.</summary>
public sealed class DecisionCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private RealServer Server => fixture.Server;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static string PresetPath(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                return Path.Combine(dir.FullName, "presets", "charters", file);
            }
        }

        throw new DirectoryNotFoundException("The repository root is not above the test binaries.");
    }

    /// <summary>The preset in force (adopted by the first test that needs it), a fresh system version, and people in the charter's roles.</summary>
    private async Task<(string System, Dictionary<string, string> Tokens)> SetUpAsync(CliRunner admin)
    {
        using var client = Server.Client(Server.AdminToken);
        if ((await client.GetAsync("/api/v1/charters/current")).StatusCode == HttpStatusCode.NotFound)
        {
            var adopted = await admin.RunAsync("charters", "adopt", PresetPath("preparedness-style.yaml"));
            Assert.True(adopted.ExitCode == 0, adopted.ToString());
            Assert.Matches(@"^Adopted charter preparedness-style v1 \(sha256 [0-9a-f]{64}\) as log entry \d+\.", adopted.Out);
        }

        var tokens = new Dictionary<string, string>();
        foreach (var (name, role) in new[] { ("ada", "advisory-group"), ("bea", "advisory-group"), ("eve", "executive"), ("max", "member") })
        {
            var user = Unique(name);
            var created = await client.PostAsJsonAsync("/api/v1/users", new { name = user, roles = new[] { role } });
            tokens[name] = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        }

        var system = Unique("atlas");
        Assert.Equal(0, (await admin.RunAsync("systems", "add", system, "--visibility", "public")).ExitCode);
        Assert.Equal(0, (await admin.RunAsync("versions", "add", system, "1.0", "--visibility", "public")).ExitCode);
        return (system, tokens);
    }

    [Fact]
    public async Task OpenSignInOrder_WrongRoleRefused_Dissent_ThenShowAndList()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        var (system, tokens) = await SetUpAsync(admin);

        var opened = await admin.RunAsync("decisions", "open", "--type", "deploy-external", "--system", system, "--version", "1.0", "--title", "Ship atlas 1.0");
        Assert.True(opened.ExitCode == 0, opened.ToString());
        var id = opened.Out.Trim();
        Assert.Matches(@"^dec-\d+$", id);
        Assert.Contains("under charter preparedness-style v1", opened.Error);

        using var person = new CliRunner(Server.Url, tokens["max"]);
        var wrongRole = await person.RunAsync("decisions", "sign", id, "--approve");
        Assert.Equal(1, wrongRole.ExitCode);
        Assert.Contains("needs one of the roles advisory-group (stage 'safety-advisory-group')", wrongRole.Error);

        person.Token = tokens["eve"];
        var wrongOrder = await person.RunAsync("decisions", "sign", id, "--approve");
        Assert.Equal(1, wrongOrder.ExitCode);
        Assert.Contains("signs only after stage 'safety-advisory-group'", wrongOrder.Error);

        person.Token = tokens["ada"];
        var first = await person.RunAsync("decisions", "sign", id, "--conditions", "Staged rollout", "--comment", "Evals look fine.");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("(approve-with-conditions) at stage 'safety-advisory-group'", first.Out);
        Assert.Contains("it has 1 approval(s)", first.Out);
        person.Token = tokens["bea"];
        Assert.Equal(0, (await person.RunAsync("decisions", "sign", id, "--approve")).ExitCode);

        person.Token = tokens["max"];
        var dissent = await person.RunAsync("decisions", "dissent", id, "--statement", "Too fast.");
        Assert.True(dissent.ExitCode == 0, dissent.ToString());

        person.Token = tokens["eve"];
        var last = await person.RunAsync("decisions", "sign", id, "--approve");
        Assert.True(last.ExitCode == 0, last.ToString());
        Assert.Contains($"{id} is approved.", last.Out);

        var shown = await admin.RunAsync("decisions", "show", id);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("Dissent by max-", shown.Out);
        Assert.Contains("Too fast.", shown.Out);
        Assert.Contains("Staged rollout", shown.Out);

        var json = JsonDocument.Parse((await admin.RunAsync("decisions", "show", id, "--json")).Out).RootElement;
        Assert.Equal("approved", json.GetProperty("status").GetString());
        Assert.Equal(3, json.GetProperty("signOffs").GetArrayLength());

        var list = JsonDocument.Parse((await admin.RunAsync("decisions", "list", "--system", system, "--json")).Out).RootElement;
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetString());
        var openOnly = JsonDocument.Parse((await admin.RunAsync("decisions", "list", "--open", "--system", system, "--json")).Out).RootElement;
        Assert.Empty(openOnly.EnumerateArray());
    }

    [Fact]
    public async Task ChartersShow_ListsEveryType_AndASecondAdoptionIsRefused()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        await SetUpAsync(admin);

        var shown = await admin.RunAsync("charters", "show");
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("preparedness-style", shown.Out);
        Assert.Contains("safety-advisory-group (advisory-group, 2 of 3, recommends) → leadership (executive, 1 of 1)", shown.Out);
        Assert.Contains("board within 30 days", shown.Out);

        var again = await admin.RunAsync("charters", "adopt", PresetPath("rsp-style.yaml"));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("only through an approved charter-change decision", again.Error);
    }

    [Fact]
    public async Task BrokenCharterFile_IsReportedWithItsLine_BeforeAnythingIsSent()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        var file = admin.WriteFile("charter.yaml", "charter: broken\nversion: 1\ntitle: Broken\ndecisions:\n  train:\n    stages:\n      - { name: a, role: wizard, quorum: 1 of 1 }\n");

        var result = await admin.RunAsync("charters", "adopt", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 7, column", result.Error);
        Assert.Contains("unknown role 'wizard'", result.Error);
        Assert.Contains("missing: continue-training", result.Error);
    }

    [Fact]
    public async Task Sign_NeedsExactlyOneVerdict()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);

        var both = await admin.RunAsync("decisions", "sign", "dec-1", "--approve", "--reject");
        var none = await admin.RunAsync("decisions", "sign", "dec-1");

        Assert.Equal(2, both.ExitCode);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("exactly one of --approve, --reject or --conditions", both.Error);
    }

    [Fact]
    public async Task ConfidentialDissent_SaysSo_AndUnknownDecisionExitsOne()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        var (system, tokens) = await SetUpAsync(admin);
        var id = (await admin.RunAsync("decisions", "open", "--type", "train", "--system", system, "--version", "1.0", "--title", "Train")).Out.Trim();

        using var max = new CliRunner(Server.Url, tokens["max"]);
        var dissent = await max.RunAsync("decisions", "dissent", id, "--statement", "Names a partner.", "--confidential-reason", "Partner under NDA.");
        Assert.True(dissent.ExitCode == 0, dissent.ToString());
        Assert.Contains("confidential, with its reason public", dissent.Out);

        var missing = await max.RunAsync("decisions", "show", "dec-999999");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("No decision 'dec-999999'", missing.Error);
    }
}
