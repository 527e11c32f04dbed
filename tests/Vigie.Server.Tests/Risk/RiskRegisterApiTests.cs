using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Vigie.Server.Tests.Risk;

public abstract class RiskRegisterApiTests : RiskTest
{
    [Fact]
    public async Task Risks_AreRatedOnTheMatrix_ChangedWithAReason_AndOverdueReviewsListed()
    {
        await RestartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        await SetUpAsync(framework: null);
        var created = await PostAsync(Admin, "/api/v1/risks", new
        {
            category = "cyber", title = "Model gives exploit uplift", owner = "rso", likelihood = 4, severity = 5, treatment = "mitigate",
            treatmentPlan = "Output filter; red-team before each release.", residualLikelihood = 2, residualSeverity = 5, reviewDate = "2026-06-15",
            links = new[] { "dec-3", "ev-1" },
        }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        await PostAsync(Admin, "/api/v1/risks", new { category = "privacy", title = "Training data leak", owner = "dpo", likelihood = 1, severity = 3, treatment = "accept", reviewDate = "2027-01-01" },
            HttpStatusCode.Created);

        var risk = (await GetJsonAsync($"/api/v1/risks/{id}")).GetProperty("risk");
        Assert.Equal((20, "critical"), (risk.GetProperty("rating").GetProperty("score").GetInt32(), risk.GetProperty("rating").GetProperty("rating").GetString()));
        Assert.Equal("high", risk.GetProperty("residualRating").GetProperty("rating").GetString());
        Assert.True(risk.GetProperty("overdue").GetBoolean());
        var overdue = await GetJsonAsync("/api/v1/risks?overdue=true");
        Assert.Equal([id], overdue.EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        Assert.Contains("reason is required", await RefusedAsync(() => Admin.PutAsJsonAsync($"/api/v1/risks/{id}",
            new { category = "cyber", title = "Model gives exploit uplift", owner = "rso", likelihood = 3, severity = 5, treatment = "mitigate", reviewDate = "2026-12-01" }), HttpStatusCode.BadRequest));
        Assert.Contains("likelihood must be 1-5", await RefusedAsync(() => Admin.PostAsJsonAsync("/api/v1/risks",
            new { category = "x", title = "y", owner = "z", likelihood = 6, severity = 1, treatment = "accept", reviewDate = "2026-12-01" }), HttpStatusCode.BadRequest));
        Assert.Contains("not a link Vigie knows", await RefusedAsync(() => Admin.PostAsJsonAsync("/api/v1/risks",
            new { category = "x", title = "y", owner = "z", likelihood = 1, severity = 1, treatment = "accept", reviewDate = "2026-12-01", links = new[] { "http://x" } }), HttpStatusCode.BadRequest));

        var update = await Admin.PutAsJsonAsync($"/api/v1/risks/{id}", new
        {
            category = "cyber", title = "Model gives exploit uplift", owner = "rso", likelihood = 3, severity = 5, treatment = "mitigate", reviewDate = "2026-12-01",
            reason = "Filter deployed; reviewed at the July risk meeting.",
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var detail = await GetJsonAsync($"/api/v1/risks/{id}");
        Assert.Equal(["recorded", "updated"], detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal("Filter deployed; reviewed at the July risk meeting.", detail.GetProperty("history")[1].GetProperty("reason").GetString());
        Assert.Equal(0, (await GetJsonAsync("/api/v1/risks?overdue=true")).GetArrayLength());
        await RefusedAsync(() => Factory.CreateClient().GetAsync("/api/v1/risks"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Csv_ExportThenImport_UpdatesAndAddsRisks_AllOrNothing()
    {
        await SetUpAsync(framework: null);
        var created = await PostAsync(Admin, "/api/v1/risks",
            new { category = "cyber", title = "Exploit uplift, \"chained\"", owner = "rso", likelihood = 2, severity = 4, treatment = "mitigate", reviewDate = "2027-01-01" }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;

        var exported = await Admin.GetStringAsync("/api/v1/risks/export.csv");
        Assert.StartsWith("id,category,title,description,owner,likelihood,severity,rating,", exported);
        Assert.Contains($"{id},cyber,\"Exploit uplift, \"\"chained\"\"\",,rso,2,4,medium,mitigate", exported);

        var edited = exported.Replace(",2,4,medium,", ",4,4,high,", StringComparison.Ordinal) + ",bio,New bio risk,,ada,1,5,,avoid,,,,,2027-02-01,open,dec-4;ev-2\n";
        var bad = edited + ",x,Bad row,,ada,9,9,,avoid,,,,,2027-02-01,open,\n";
        await RefusedAsync(() => Admin.PostAsync("/api/v1/risks/import", new StringContent(bad, Encoding.UTF8, "text/csv")), HttpStatusCode.BadRequest);

        var imported = await ReadJsonAsync(await Admin.PostAsync("/api/v1/risks/import", new StringContent("\uFEFF" + edited.Replace("\n", "\r\n", StringComparison.Ordinal), Encoding.UTF8, "text/csv")));
        Assert.Equal((1, 1), (imported.GetProperty("recorded").GetInt32(), imported.GetProperty("updated").GetInt32()));
        var all = await GetJsonAsync("/api/v1/risks");
        Assert.Equal(4, all.EnumerateArray().Single(r => r.GetProperty("id").GetString() == id).GetProperty("likelihood").GetInt32());
        var bio = all.EnumerateArray().Single(r => r.GetProperty("category").GetString() == "bio");
        Assert.Equal(["dec-4", "ev-2"], bio.GetProperty("links").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Rebuild_SkipsARiskWhoseRecordedBodyWasErased_AndItsUpdates()
    {
        await SetUpAsync(framework: null);
        var kept = (await PostAsync(Admin, "/api/v1/risks", new { category = "a", title = "Kept", owner = "o", likelihood = 1, severity = 1, treatment = "accept", reviewDate = "2027-01-01" }, HttpStatusCode.Created)).GetProperty("index").GetInt64();
        var erased = await PostAsync(Admin, "/api/v1/risks", new { category = "b", title = "Erased", owner = "o", likelihood = 2, severity = 2, treatment = "accept", reviewDate = "2027-01-01" }, HttpStatusCode.Created);
        var update = await Admin.PutAsJsonAsync($"/api/v1/risks/{erased.GetProperty("id").GetString()}",
            new { category = "b", title = "Erased", owner = "o", likelihood = 3, severity = 2, treatment = "accept", reviewDate = "2027-01-01", reason = "More likely." });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        // Retention erases the recorded risk's sealed body; the log stays verifiable without it.
        var database = Factory.Service<Vigie.Server.Storage.Database>();
        await using (var c = await database.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(c, "DELETE FROM log_sealed_bodies WHERE idx = @i", new { i = erased.GetProperty("index").GetInt64() });
        }

        await Factory.Service<Vigie.Server.Ledger.ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        var all = await GetJsonAsync("/api/v1/risks");
        Assert.Equal([$"risk-{kept}"], all.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }
}

public sealed class RiskRegisterApiTestsOnSqlite : RiskRegisterApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class RiskRegisterApiTestsOnPostgres : RiskRegisterApiTests
{
    protected override bool UsePostgres => true;
}
