using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Vigie.Cli.Tests;

/// <summary>
/// The CI examples in docs/ci/ run for real: their shell steps, read from the YAML files, run in
/// bash with the built `vigie` on PATH against a real server — the gate step fails on deny, so the
/// deployment never runs, and once the decision is approved the deployment verifies the
/// attestation, deploys and moves the alias.
/// </summary>
public sealed class CiExampleTests : IAsyncLifetime
{
    private const string Policy = """
        policy:
          name: ci-example
          version: 1
          title: Deploy only on an approved, current decision
        rules:
          - id: approved-decision
            applies_to: [deploy-external]
            require: dossier.decisions.exists(d, d.type == dossier.action && d.status == 'approved' && !d.stale)
            severity: block
            message: No approved deploy-external decision rests on the current evidence.
            implements: "Charter"
        """;

    private readonly RealServer server = new();
    private readonly string work = Directory.CreateTempSubdirectory("vigie-ci-example-").FullName;
    private readonly Dictionary<string, HttpClient> people = [];

    public async ValueTask InitializeAsync()
    {
        var admin = server.Client(server.AdminToken);
        people["admin"] = admin;
        (await admin.PostAsJsonAsync("/api/v1/charters", new { yaml = File.ReadAllText(GateCommandTests.RepoPath("presets", "charters", "preparedness-style.yaml")) })).EnsureSuccessStatusCode();
        foreach (var (name, role) in new[] { ("ada", "advisory-group"), ("bea", "advisory-group"), ("eve", "executive"), ("ci", "member") })
        {
            var created = await admin.PostAsJsonAsync("/api/v1/users", new { name, roles = new[] { role } });
            people[name] = server.Client(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString());
        }

        var opened = await people["ci"].PostAsJsonAsync("/api/v1/policies", new { text = Policy });
        await ApproveAsync(JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("decision").GetProperty("id").GetString()!);
        (await admin.PostAsJsonAsync("/api/v1/systems", new { name = "atlas", owner = "Research", visibility = "public" })).EnsureSuccessStatusCode();
        File.WriteAllText(Path.Combine(work, "deploy.sh"), "#!/bin/sh\necho \"deployed $1\" > deployed.txt\n");
        File.SetUnixFileMode(Path.Combine(work, "deploy.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in people.Values)
        {
            client.Dispose();
        }

        await server.DisposeAsync();
        Directory.Delete(work, recursive: true);
    }

    private async Task ApproveAsync(string decision)
    {
        foreach (var who in new[] { "ada", "bea", "eve" })
        {
            var detail = JsonDocument.Parse(await people["admin"].GetStringAsync($"/api/v1/decisions/{decision}")).RootElement;
            var digest = detail.GetProperty("snapshot").GetProperty("digest").GetString();
            (await people[who].PostAsJsonAsync($"/api/v1/decisions/{decision}/sign-offs", new { verdict = "approve", snapshotDigest = digest })).EnsureSuccessStatusCode();
        }
    }

    /// <summary>A version whose weights file is in the working directory, and its deploy-external decision (approved later).</summary>
    private async Task<string> VersionAsync(string version)
    {
        var weights = Encoding.UTF8.GetBytes($"weights of atlas {version}");
        File.WriteAllBytes(Path.Combine(work, "model.safetensors"), weights);
        (await people["admin"].PostAsJsonAsync("/api/v1/systems/atlas/versions",
            new { version, visibility = "public", weights = new { sha256 = Convert.ToHexStringLower(SHA256.HashData(weights)) } })).EnsureSuccessStatusCode();
        var opened = await people["ci"].PostAsJsonAsync("/api/v1/decisions", new { type = "deploy-external", system = "atlas", version, title = "Ship" });
        return JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task TheGitHubActionsJob_BlocksTheDeploymentOnDeny_AndDeploysOnceAllowed()
    {
        var decision = await VersionAsync("1.0");
        var workflow = Yaml("github-actions.yml");
        var gate = Steps(workflow, "gate");
        var deploy = Steps(workflow, "deploy");

        var denied = await RunAsync(gate["Release gate"], "1.0");
        Assert.Equal(1, denied.ExitCode);
        var reasons = await RunAsync(gate["Show the gate's reasons"], "1.0");
        Assert.True(reasons.ExitCode == 0, reasons.Output);
        Assert.Contains("deny under ci-example@1", reasons.Output);
        Assert.Contains("fail block approved-decision: No approved deploy-external decision", reasons.Output);
        Assert.False(File.Exists(Path.Combine(work, "attestation.json")));
        Assert.NotEqual(0, (await RunAsync(deploy["Verify the release attestation"], "1.0")).ExitCode); // nothing to deploy on

        await ApproveAsync(decision);
        var allowed = await RunAsync(gate["Release gate"], "1.0");
        Assert.True(allowed.ExitCode == 0, allowed.Output);
        Assert.Contains("allow under ci-example@1", (await RunAsync(gate["Show the gate's reasons"], "1.0")).Output);
        foreach (var step in new[] { "Verify the release attestation", "Deploy", "Move the production alias" })
        {
            var run = await RunAsync(deploy[step], "1.0");
            Assert.True(run.ExitCode == 0, $"{step}: {run.Output}");
        }

        Assert.Equal("deployed model.safetensors\n", File.ReadAllText(Path.Combine(work, "deployed.txt")));
        await AssertProductionAsync("1.0");
    }

    [Fact]
    public async Task TheGitLabJob_BlocksTheDeploymentOnDeny_AndDeploysOnceAllowed()
    {
        var decision = await VersionAsync("2.0");
        var pipeline = Yaml("gitlab-ci.yml");

        var denied = await RunAsync(Script(pipeline, "release-gate"), "2.0");
        Assert.Equal(1, denied.ExitCode);
        Assert.Contains("deny: atlas@2.0 deploy-external under policy ci-example@1", denied.Output);
        Assert.Contains("FAIL   block approved-decision", denied.Output);

        await ApproveAsync(decision);
        var allowed = await RunAsync(Script(pipeline, "release-gate"), "2.0");
        Assert.True(allowed.ExitCode == 0, allowed.Output);
        Assert.True(File.Exists(Path.Combine(work, "dossier.json")));
        var deployed = await RunAsync(Script(pipeline, "deploy"), "2.0");
        Assert.True(deployed.ExitCode == 0, deployed.Output);
        Assert.Contains("verified: atlas@2.0", deployed.Output);
        await AssertProductionAsync("2.0");
    }

    private async Task AssertProductionAsync(string version)
    {
        var aliases = JsonDocument.Parse(await people["admin"].GetStringAsync("/api/v1/systems/atlas/aliases")).RootElement;
        Assert.Equal(version, aliases.GetProperty("current").EnumerateArray().Single(a => a.GetProperty("alias").GetString() == "production").GetProperty("version").GetString());
    }

    private static YamlMappingNode Yaml(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(GateCommandTests.RepoPath("docs", "ci", file))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>A GitHub job's `run` steps by name.</summary>
    private static Dictionary<string, string> Steps(YamlMappingNode workflow, string job)
    {
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)workflow["jobs"])[job])["steps"];
        return steps.Children.Cast<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey("run") && s.Children.ContainsKey("name"))
            .ToDictionary(s => ((YamlScalarNode)s["name"]).Value!, s => ((YamlScalarNode)s["run"]).Value!);
    }

    /// <summary>A GitLab job's script lines, run as the runner does: in order, stopping at the first failure.</summary>
    private static string Script(YamlMappingNode pipeline, string job) =>
        "set -e\n" + string.Join("\n", ((YamlSequenceNode)((YamlMappingNode)pipeline[job])["script"]).Children.Select(l => ((YamlScalarNode)l).Value));

    private async Task<(int ExitCode, string Output)> RunAsync(string script, string version)
    {
        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = AppContext.BaseDirectory + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = work;
        start.Environment["VIGIE_CONFIG"] = Path.Combine(work, "config.json");
        start.Environment["VIGIE_SERVER"] = server.Url;
        start.Environment["VIGIE_TOKEN"] = people["ci"].DefaultRequestHeaders.Authorization!.Parameter;
        start.Environment["VIGIE_LOG_KEY"] = (await people["admin"].GetStringAsync("/log/key")).Trim();
        start.Environment["SYSTEM"] = "atlas";
        start.Environment["VERSION"] = version;
        start.Environment["WEIGHTS"] = "model.safetensors";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
