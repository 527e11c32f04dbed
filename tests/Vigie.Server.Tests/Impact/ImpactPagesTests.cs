using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Impact;

/// <summary>The impact pages as a browser without scripts uses them: what they show, and what their forms record.</summary>
public abstract class ImpactPagesTests : ImpactTest
{
    private async Task<PageClient> AdminPageAsync()
    {
        var page = new PageClient(Factory);
        await page.SignInOkAsync(Factory.AdminToken);
        return page;
    }

    [Fact]
    public async Task TheObligationsPage_ShowsTheDueDateFromTheLog_AndRecordsOneMet()
    {
        var admin = Factory.Admin();
        await RegisterAsync(admin);
        await RunAsync(admin, "1.0", "pretrain", 2e25);
        using var page = await AdminPageAsync();

        // The due date the API derives from the run's log time (ObligationsApiTests checks it against the clock), to the minute in UTC.
        var due = DateTimeOffset.Parse(Obligation(await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/obligations")), "eu-art52-notification")
            .GetProperty("dueAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var html = await page.Http.GetStringAsync("/app/systems/atlas/obligations");
        Assert.Contains("id=\"obligation-eu-art52-notification\"", html);
        Assert.Contains(due.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.Contains("Regulation (EU) 2024/1689", html);

        var recorded = await page.SubmitFormAsync("/app/systems/atlas/obligations", "met",
            [new("obligation", "eu-art52-notification"), new("reference", "AIO-2026-7"), new("note", "")]);
        Assert.Equal(HttpStatusCode.Found, recorded.StatusCode);
        var after = await page.Http.GetStringAsync(recorded.Headers.Location!.ToString());
        Assert.Contains("AIO-2026-7, recorded ", after);
        Assert.Contains(">met", after);

        var refused = await page.SubmitFormAsync("/app/systems/atlas/obligations", "met", [new("obligation", "sb53-framework"), new("reference", "x")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("is not an obligation of", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheClassificationForm_RecordsARevision_AndShowsTheTierAndArticles_ThenRefusesAStaleForm()
    {
        await RegisterAsync(Factory.Admin());
        using var page = await AdminPageAsync();
        Assert.Contains("Not classified yet", await page.Http.GetStringAsync("/app/systems/atlas/classification"));

        var saved = await page.SubmitFormAsync("/app/systems/atlas/classification", "classify",
            [new("baseRevision", "0"), new("yes", "eu-market"), new("yes", "essential-services")]);
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var html = await page.Http.GetStringAsync(saved.Headers.Location!.ToString());
        Assert.Contains("<span id=\"classification-tier\">high-risk</span>", html);
        Assert.Contains("<strong>Art. 6(2), Annex III point 5</strong>", html);
        Assert.Contains("<strong>Art. 27</strong>", html);
        Assert.Contains("id=\"q-essential-services\" name=\"yes\" value=\"essential-services\" checked", html);

        var stale = await page.SubmitFormAsync("/app/systems/atlas/classification", "classify", [new("baseRevision", "0"), new("yes", "eu-market")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("is at revision 1, not 0", await stale.Content.ReadAsStringAsync());
        var current = await ReadJsonAsync(await Factory.Admin().GetAsync("/api/v1/systems/atlas/classification"));
        Assert.Equal(1, current.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task TheImpactPage_ShowsFiguresWithTheirSources_AndWritesThemOntoTheCard()
    {
        var admin = Factory.Admin();
        await RegisterAsync(admin);
        await RunAsync(admin, "1.0", "pretrain", 3.5e23, hours: 1_082_990);
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.0/training-runs/pretrain/energy", new { accelerator = "A100-SXM", pue = 1.0, intensity = 57.0 });
        await admin.PostAsync("/api/v1/systems/atlas/versions/1.0/fairness?assessment=credit-q1&group=group&reference=a",
            new StringContent("group,label,prediction\na,1,1\na,1,1\na,0,1\na,0,0\nb,1,1\nb,1,0\nb,0,0\nb,0,0\n", System.Text.Encoding.UTF8, "text/csv"));
        using var page = await AdminPageAsync();

        var html = await page.Http.GetStringAsync("/app/systems/atlas/versions/1.0/impact");
        Assert.Contains("433,196.0 kWh", html);
        Assert.Contains("24,692.2 kg", html);
        Assert.Contains("training run &#x27;pretrain&#x27; in the registry", html);
        Assert.Contains("FAILS", html);
        Assert.Contains("0.333 (below 0.8)", html);
        Assert.Contains("<dt>This version's runs</dt><dd>3.5E&#x2B;23 FLOP</dd>", html);
        Assert.Contains("<dt>With its base versions</dt><dd>3.5E&#x2B;23 FLOP (fine-tuning", html);
        Assert.Contains("none crossed", html);
        Assert.Contains("/app/systems/atlas/versions/1.0/impact", await page.Http.GetStringAsync("/app/systems/atlas/versions/1.0"));

        var written = await page.SubmitFormAsync("/app/systems/atlas/versions/1.0/impact", "to-card", []);
        Assert.Equal(HttpStatusCode.Found, written.StatusCode);
        Assert.Contains("Wrote the figures as revision 1 of the model card", await page.Http.GetStringAsync(written.Headers.Location!.ToString()));
        var card = (await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/versions/1.0/card"))).GetProperty("card");
        Assert.Equal(433_196, card.GetProperty("training").GetProperty("energyKwh").GetDouble());
    }

    [Fact]
    public async Task TheImpactPage_EstimatesARecordedRun_FromTheRunsHours_AndRefusesBadNumbers()
    {
        var admin = Factory.Admin();
        await RegisterAsync(admin);
        using var page = await AdminPageAsync();
        const string Url = "/app/systems/atlas/versions/1.0/impact";
        Assert.Contains("id=\"no-runs\"", await page.Http.GetStringAsync(Url));
        await RunAsync(admin, "1.0", "pretrain", 3.5e23, hours: 1_082_990);

        var size = TreeSize;
        var bad = await page.SubmitFormAsync(Url, "estimate-energy", [new("run", "pretrain"), new("accelerator", "A100-SXM"), new("pue", "one")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("PUE (default 1.58): &#x27;one&#x27; is not a number", await bad.Content.ReadAsStringAsync());
        var ghost = await page.SubmitFormAsync(Url, "estimate-energy", [new("run", "ghost"), new("measuredKwh", "10")]);
        Assert.Equal(HttpStatusCode.NotFound, ghost.StatusCode);
        Assert.Equal(size, TreeSize);

        // BLOOM's published figure (METHODS.md): 1,082,990 A100-hours at 400 W → 433,196 kWh; the hours come from the run.
        var done = await page.SubmitFormAsync(Url, "estimate-energy",
            [new("run", "pretrain"), new("accelerator", "A100-SXM"), new("pue", "1"), new("intensity", "57"), new("region", "")]);
        Assert.Equal(HttpStatusCode.Found, done.StatusCode);
        var html = await page.Http.GetStringAsync(done.Headers.Location!.ToString());
        Assert.Contains("Recorded the estimate of run pretrain.", html);
        Assert.Contains("433,196.0 kWh", html);
        Assert.Contains("training run &#x27;pretrain&#x27; in the registry", html);
    }

    [Fact]
    public async Task TheImpactPage_ImportsAFairnessCsv_AndRefusesABadOne_WritingNothing()
    {
        await RegisterAsync(Factory.Admin());
        using var page = await AdminPageAsync();
        const string Url = "/app/systems/atlas/versions/1.0/impact";

        async Task<HttpResponseMessage> PostAsync(string reference, string? csv)
        {
            var token = PageClient.AntiforgeryToken(await page.Http.GetStringAsync(Url));
            var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("import-fairness"), "_handler" },
                { new StringContent("credit-q1"), "assessment" }, { new StringContent("group"), "groups" }, { new StringContent(reference), "reference" },
            };
            if (csv is not null)
            {
                form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "csv", "results.csv");
            }

            return await page.Http.PostAsync(Url, form);
        }

        const string MethodsVector = "group,label,prediction\na,1,1\na,1,1\na,0,1\na,0,0\nb,1,1\nb,1,0\nb,0,0\nb,0,0\n";
        var size = TreeSize;
        var notAGroup = await PostAsync("zz", MethodsVector);
        Assert.Equal(HttpStatusCode.BadRequest, notAGroup.StatusCode);
        var refused = await notAGroup.Content.ReadAsStringAsync();
        Assert.Contains("reference &#x27;zz&#x27; is not a group in the file", refused);
        Assert.Contains("value=\"credit-q1\"", refused);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("a", null)).StatusCode);
        var tooLarge = await PostAsync("a", "group,label,prediction\n" + string.Concat(Enumerable.Repeat("a,1,1\n", 200_000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(size, TreeSize);

        var imported = await PostAsync("a", MethodsVector);
        Assert.Equal(HttpStatusCode.Found, imported.StatusCode);
        var html = await page.Http.GetStringAsync(imported.Headers.Location!.ToString());
        Assert.Contains("Imported assessment credit-q1.", html);
        Assert.Contains("0.333 (below 0.8)", html);
        var api = await ReadJsonAsync(await Factory.Admin().GetAsync("/api/v1/systems/atlas/versions/1.0/impact"));
        Assert.False(api.GetProperty("fairness")[0].GetProperty("report").GetProperty("passesFourFifths").GetBoolean());
    }

    [Fact]
    public async Task TheFriaPages_StartWriteAndReviseAnAssessment_KeepingWhatWasTypedWhenRefused()
    {
        await RegisterAsync(Factory.Admin());
        using var page = await AdminPageAsync();
        Assert.Contains("/app/systems/atlas/frias", await page.Http.GetStringAsync("/app/systems/atlas"));

        var started = await page.SubmitFormAsync("/app/systems/atlas/frias", "start", [new("deployment", "lending-fr"), new("version", "1.0")]);
        Assert.Equal(HttpStatusCode.Found, started.StatusCode);
        Assert.EndsWith("/app/systems/atlas/frias/lending-fr?version=1.0", started.Headers.Location!.ToString(), StringComparison.Ordinal);
        var badName = await page.SubmitFormAsync("/app/systems/atlas/frias", "start", [new("deployment", "Lending FR"), new("version", "1.0")]);
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);

        var fields = new List<KeyValuePair<string, string>>
        {
            new("baseRevision", "0"), new("version", "1.0"), new("deployer", "Caisse Régionale"), new("purpose", "Score credit applications."),
            new("affectedGroups", "loan applicants\r\napplicants over 70"),
            new("risk-0-group", "children"), new("risk-0-harm", "Refused credit."), new("risk-0-likelihood", "medium"), new("risk-0-severity", "high"),
            new("risk-1-group", ""), new("risk-1-harm", ""), new("risk-1-likelihood", ""), new("risk-1-severity", ""), new("note", ""),
        };
        var refused = await page.SubmitFormAsync("/app/systems/atlas/frias/lending-fr", "fria", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("risks[1]: &#x27;children&#x27; is not one of the affected groups", refusedHtml);
        Assert.Contains("Score credit applications.", refusedHtml);

        fields[5] = new("risk-0-group", "applicants over 70");
        var saved = await page.SubmitFormAsync("/app/systems/atlas/frias/lending-fr", "fria", fields);
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var html = await page.Http.GetStringAsync(saved.Headers.Location!.ToString());
        Assert.Contains("Saved revision 1.", html);
        Assert.Contains("<strong id=\"fria-status\">draft</strong>", html);
        Assert.Contains("To write before review: Deployer&#x27;s processes (Art. 27(1)(a))", html);
        var fria = await ReadJsonAsync(await Factory.Admin().GetAsync("/api/v1/systems/atlas/frias/lending-fr"));
        Assert.Equal("high", fria.GetProperty("document").GetProperty("risks")[0].GetProperty("severity").GetString());
        Assert.Equal(["loan applicants", "applicants over 70"], fria.GetProperty("document").GetProperty("affectedGroups").EnumerateArray().Select(g => g.GetString()));

        // A form loaded at revision 0 cannot overwrite revision 1.
        var stale = await page.SubmitFormAsync("/app/systems/atlas/frias/lending-fr", "fria", fields);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }
}

public sealed class ImpactPagesTestsOnSqlite : ImpactPagesTests
{
    protected override bool UsePostgres => false;
}

public sealed class ImpactPagesTestsOnPostgres : ImpactPagesTests
{
    protected override bool UsePostgres => true;
}
