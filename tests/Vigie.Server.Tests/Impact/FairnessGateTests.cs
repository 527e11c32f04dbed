using System.Net;
using System.Text;
using System.Text.Json;
using Vigie.Server.Tests.Gate;
using Xunit;

namespace Vigie.Server.Tests.Impact;

/// <summary>Done means: import a fairness CSV and see a gate rule block on a disparity.</summary>
public abstract class FairnessGateTests : GateTest
{
    /// <summary>A policy of presets/examples, read from the repository.</summary>
    public static string Example(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                return File.ReadAllText(Path.Combine(dir.FullName, "presets", "examples", file));
            }
        }

        throw new DirectoryNotFoundException("The repository root (with Vigie.slnx) is not above the test binaries.");
    }

    private const string MethodsVector = "group,label,prediction\na,1,1\na,1,1\na,0,1\na,0,0\nb,1,1\nb,1,0\nb,0,0\nb,0,0\n";

    [Fact]
    public async Task ImportingTheMethodsVector_PutsItsDisparityInTheDossier_AndTheAppliedFourFifthsPolicyBlocksDeployment()
    {
        await SetUpAsync();
        var admin = App.Admin();
        var imported = await admin.PostAsync("/api/v1/systems/atlas/versions/1.0/fairness?assessment=credit-q1&group=group&reference=a",
            new StringContent(MethodsVector, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var report = (await ReadJsonAsync(imported)).GetProperty("report");
        Assert.Equal(0.333, report.GetProperty("minDisparateImpact").GetDouble(), 3);

        var dossierText = await admin.GetStringAsync("/api/v1/gate/dossier?system=atlas&version=1.0&action=deploy-external");
        var fairness = JsonDocument.Parse(dossierText).RootElement.GetProperty("impact").GetProperty("assessments").EnumerateArray()
            .Single(a => a.GetProperty("kind").GetString() == "fairness");
        Assert.False(fairness.GetProperty("fourFifths").GetBoolean());
        Assert.Equal(0.5, fairness.GetProperty("metrics").GetProperty("demographicParityDifference").GetDouble(), 12);

        // The example policy, applied through a policy-change decision, and the real gate check (recorded in the log).
        await ActivateAsync(Example("fairness-four-fifths.yaml"));
        var denied = await CheckOkAsync();
        Assert.Equal("deny", denied.GetProperty("result").GetString());
        Assert.Equal("fairness-four-fifths@1", denied.GetProperty("policyVersion").GetString());
        Assert.Equal("fail", Outcomes(denied)["fairness-four-fifths"]);
        Assert.Equal("fail", Outcomes(denied)["demographic-parity-within-0.1"]);

        // A fair result lets it through.
        var fair = await admin.PostAsync("/api/v1/systems/atlas/versions/1.0/fairness?assessment=credit-q1&group=group",
            new StringContent("group,tp,fp,tn,fn\na,40,10,40,10\nb,38,10,42,10\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, fair.StatusCode);
        var allowed = await CheckOkAsync();
        Assert.Equal("allow", allowed.GetProperty("result").GetString());
        Assert.Equal("pass", Outcomes(allowed)["fairness-four-fifths"]);
    }

    [Fact]
    public async Task BadFairnessImports_AreRefused_AndWriteNothing()
    {
        await SetUpAsync();
        var admin = App.Admin();
        var size = TreeSize;
        foreach (var (query, csv, status) in new (string, string, HttpStatusCode)[]
        {
            ("assessment=q1&group=group", "group,label,prediction\na,1,2\n", HttpStatusCode.BadRequest),
            ("assessment=q1", MethodsVector, HttpStatusCode.BadRequest),
            ("assessment=bad%20name&group=group", MethodsVector, HttpStatusCode.BadRequest),
            ("assessment=q1&group=group&reference=zz", MethodsVector, HttpStatusCode.BadRequest),
        })
        {
            var response = await admin.PostAsync($"/api/v1/systems/atlas/versions/1.0/fairness?{query}", new StringContent(csv, Encoding.UTF8, "text/csv"));
            Assert.True(response.StatusCode == status, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var tooBig = await admin.PostAsync("/api/v1/systems/atlas/versions/1.0/fairness?assessment=q1&group=group",
            new ByteArrayContent(new byte[2 * 1024 * 1024]));
        Assert.True(tooBig.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, ((int)tooBig.StatusCode).ToString());
        Assert.Equal(size, TreeSize);
    }
}

public sealed class FairnessGateTestsOnSqlite : FairnessGateTests
{
    protected override bool UsePostgres => false;
}

public sealed class FairnessGateTestsOnPostgres : FairnessGateTests
{
    protected override bool UsePostgres => true;
}
