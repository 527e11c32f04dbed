using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Xunit;

namespace Vigie.Cli.Tests;

/// <summary>vigie fria, and writing impact figures onto the card, against a real server with the preparedness-style charter.</summary>
public sealed class FriaCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private RealServer Server => fixture.Server;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private const string Yaml = """
        deployer: Caisse Régionale, consumer lending
        purpose: Score consumer credit applications.
        processes: |
          Advisers see the score beside the application.
          A person decides.
        period: From 2026-06 for two years, on every application.
        affectedGroups:
          - loan applicants
          - applicants over 70
        risks:
          - group: applicants over 70
            harm: Refused credit more often than others with the same means.
            likelihood: medium
            severity: high
        mitigation: Suspend the score for the group and review refused files.
        governance: The credit risk committee reviews the assessment every quarter.
        complaints: Applicants write to the mediator; answered within 30 days.
        """;

    private static string CharterPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                return Path.Combine(dir.FullName, "presets", "charters", "preparedness-style.yaml");
            }
        }

        throw new DirectoryNotFoundException("The repository root is not above the test binaries.");
    }

    [Fact]
    public async Task AFria_IsTemplatedSavedSubmittedSignedAndExported()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        using var client = Server.Client(Server.AdminToken);
        if ((await client.GetAsync("/api/v1/charters/current")).StatusCode == HttpStatusCode.NotFound)
        {
            Assert.Equal(0, (await admin.RunAsync("charters", "adopt", CharterPath())).ExitCode);
        }

        var tokens = new Dictionary<string, string>();
        foreach (var (name, role) in new[] { ("ada", "advisory-group"), ("bea", "advisory-group"), ("eve", "executive") })
        {
            var created = await client.PostAsJsonAsync("/api/v1/users", new { name = Unique(name), roles = new[] { role } });
            tokens[name] = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        }

        var system = await admin.AddSystemAsync("lender", "Credit");

        var template = await admin.RunAsync("fria", "template");
        Assert.Contains("# Art. 27(1)(e) — Human oversight measures", template.Out);

        // A draft: saved, and told what is missing; submitting it is refused.
        var draft = await admin.RunAsync("fria", "save", system, "lending-fr", admin.WriteFile("fria.yaml", Yaml), "--version", "1.0");
        Assert.True(draft.ExitCode == 0, draft.ToString());
        Assert.Contains("Saved revision 1", draft.Out);
        Assert.Contains("Still to write: oversight (Art. 27(1)(e))", draft.Out);
        Assert.Equal(2, (await admin.RunAsync("fria", "submit", system, "lending-fr")).ExitCode);

        var complete = await admin.RunAsync("fria", "save", system, "lending-fr",
            admin.WriteFile("fria.yaml", Yaml + "\noversight: Advisers may override any score.\n"), "--version", "1.0", "--note", "Oversight written with the credit team");
        Assert.Contains("It is complete", complete.Out);
        var submitted = await admin.RunAsync("fria", "submit", system, "lending-fr");
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var id = System.Text.RegularExpressions.Regex.Match(submitted.Out, @"dec-\d+").Value;

        foreach (var who in new[] { "ada", "bea", "eve" })
        {
            using var person = new CliRunner(Server.Url, tokens[who]);
            var signed = await person.RunAsync("decisions", "sign", id, "--approve");
            Assert.True(signed.ExitCode == 0, signed.ToString());
        }

        var shown = await admin.RunAsync("fria", "show", system, "lending-fr");
        Assert.Contains("approved", shown.Out);
        Assert.Contains($"Review   {id} of revision 2: approved", shown.Out);
        var list = JsonDocument.Parse((await admin.RunAsync("fria", "show", system, "--json")).Out).RootElement;
        Assert.Equal("approved", list[0].GetProperty("status").GetString());

        var file = Path.Combine(Path.GetTempPath(), Unique("fria") + ".md");
        var exported = await admin.RunAsync("fria", "export", system, "lending-fr", "--format", "md", "-o", file);
        Assert.True(exported.ExitCode == 0, exported.ToString());
        var md = await File.ReadAllTextAsync(file);
        File.Delete(file);
        Assert.Contains("## Complaint mechanisms (Art. 27(1)(f))", md);
        Assert.Contains("| applicants over 70 | Refused credit more often than others with the same means. | medium | high |", md);

        var bad = await admin.RunAsync("fria", "save", system, "lending-fr", admin.WriteFile("bad.yaml", "deployer: Acme\ncolour: red\n"), "--version", "1.0");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("colour: Unknown field", bad.Error);
    }

    [Fact]
    public async Task ImpactFigures_GoOntoTheCard_AndInferenceIsRecorded()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var name = await cli.AddSystemAsync("atlas", "Assistant");
        await cli.RunAsync("runs", "add", name, "1.0", "pretrain", "--started", "2026-01-05", "--accelerator-hours", "1.08299e6", "--flop", "3.5e23");
        Assert.Equal(0, (await cli.RunAsync("impact", "record-run", name, "1.0", "pretrain", "--accelerator", "A100-SXM", "--pue", "1", "--intensity", "57")).ExitCode);

        var written = await cli.RunAsync("impact", "to-card", name, "1.0");
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.Contains("Wrote the impact figures as revision 1 of the card", written.Out);
        var readme = await cli.RunAsync("card", "export", name, "1.0", "--format", "hf");
        Assert.Contains("emissions: 24692172", readme.Out);

        var inference = await cli.RunAsync("impact", "record-inference", name, "1.0", "--name", "chat-api", "--params", "1.76e11",
            "--tokens-per-second", "2.7777777777777777", "--tokens-per-day", "2e6", "--power-watts", "300", "--pue", "1", "--intensity", "430");
        Assert.True(inference.ExitCode == 0, inference.ToString());
        Assert.Contains("per million tokens 30 kWh, 12.9 kg CO2e", inference.Out);
        using var anonymous = new CliRunner(Server.Url);
        Assert.Equal(3, (await anonymous.RunAsync("impact", "to-card", name, "1.0")).ExitCode);
    }
}
