using System.Net;
using System.Text.Json;
using Vigie.Server.Tests.Risk;
using Xunit;

namespace Vigie.Server.Tests.Gate;

/// <summary>
/// The preparedness-style preset's "evaluation at every 2x effective compute" rule on real data:
/// training runs set the dossier's effective compute, an imported evaluation records the scale it
/// ran at, and the real gate passes the rule while compute has not doubled since, fails it once
/// it has, and passes again after an evaluation at the new scale.
/// </summary>
public abstract class EvaluationCadenceTests : RiskTest
{
    private const string Rule = "evaluation-every-doubling";
    private const string Csv = "task,metric,value\ncybench,accuracy,0.10\n";

    private async Task<JsonElement> RuleAsync(string version)
    {
        var check = await PostAsync(Admin, "/api/v1/gate/check", new { system = System, version, action = "continue-training" }, HttpStatusCode.OK);
        return check.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == Rule);
    }

    private Task AddRunAsync(string version, string run, double flop) =>
        PostAsync(Admin, $"/api/v1/systems/{System}/versions/{version}/training-runs", new { run, startedOn = "2026-02-01", computeFlop = flop }, HttpStatusCode.OK);

    [Fact]
    public async Task TheRule_PassesWithinADoubling_FailsPastIt_AndPassesAgainAfterAnEvaluationAtTheNewScale()
    {
        await SetUpAsync(framework: null);
        var proposed = await PostAsync(Officer, "/api/v1/policies", new { text = File.ReadAllText(Repo("presets", "policies", "preparedness-style.yaml")) }, HttpStatusCode.Created);
        await ApproveAsync(proposed.GetProperty("decision").GetProperty("id").GetString()!);

        // No compute recorded: the rule has nothing to measure and says so rather than passing.
        await VersionAsync("0.9", computeFlop: null);
        Assert.Equal("not-applicable", (await RuleAsync("0.9")).GetProperty("outcome").GetString());

        await VersionAsync("1.0", 2e25);
        var dossier = await GetJsonAsync($"/api/v1/gate/dossier?system={System}&version=1.0&action=continue-training");
        Assert.Equal(2e25, dossier.GetProperty("compute").GetProperty("effectiveCompute").GetDouble());

        // Compute recorded but no evaluation yet: due.
        var none = await RuleAsync("1.0");
        Assert.Equal("fail", none.GetProperty("outcome").GetString());

        // An evaluation at 2e25 (the version's compute when imported) covers up to 4e25.
        var imported = await ImportOkAsync("1.0", Csv, "at-2e25.csv");
        Assert.Equal(2e25, imported.GetProperty("effectiveComputeFlop").GetDouble());
        var covered = await RuleAsync("1.0");
        Assert.Equal("pass", covered.GetProperty("outcome").GetString());
        Assert.Equal(2e25, covered.GetProperty("read").GetProperty("dossier.compute.effectiveCompute").GetDouble());

        await AddRunAsync("1.0", "continued-a", 2e25); // 4e25: exactly double, still within the rule
        Assert.Equal("pass", (await RuleAsync("1.0")).GetProperty("outcome").GetString());

        await AddRunAsync("1.0", "continued-b", 4e24); // 4.4e25: more than double since the last evaluation
        var due = await RuleAsync("1.0");
        Assert.Equal(("fail", "block"), (due.GetProperty("outcome").GetString(), due.GetProperty("severity").GetString()));
        Assert.Equal(4.4e25, due.GetProperty("read").GetProperty("dossier.compute.effectiveCompute").GetDouble());
        Assert.Contains("within the last doubling", due.GetProperty("message").GetString(), StringComparison.Ordinal);

        await ImportOkAsync("1.0", Csv, "at-4.4e25.csv");
        Assert.Equal("pass", (await RuleAsync("1.0")).GetProperty("outcome").GetString());
    }
}

public sealed class EvaluationCadenceTestsOnSqlite : EvaluationCadenceTests
{
    protected override bool UsePostgres => false;
}

public sealed class EvaluationCadenceTestsOnPostgres : EvaluationCadenceTests
{
    protected override bool UsePostgres => true;
}
