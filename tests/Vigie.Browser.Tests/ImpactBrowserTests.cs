using System.Net.Http.Json;
using Microsoft.Playwright;
using Vigie.Browser.Tests.Infrastructure;
using Xunit;

namespace Vigie.Browser.Tests;

/// <summary>The EU AI Act questionnaire and the obligations and impact pages, in Chromium.</summary>
public sealed class ImpactBrowserTests(BrowserFixture browser, VigieServer server)
    : BrowserTest(browser, server), IClassFixture<VigieServer>
{
    private async Task<string> RegisterAsync()
    {
        var system = "impact-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = Server.Api(Server.AdminToken);
        Assert.True((await admin.PostAsJsonAsync("/api/v1/systems", new { name = system, owner = "Credit", purpose = "Credit scoring" })).IsSuccessStatusCode);
        Assert.True((await admin.PostAsJsonAsync($"/api/v1/systems/{system}/versions", new { version = "1.0" })).IsSuccessStatusCode);
        return system;
    }

    [Fact]
    public async Task TheQuestionnaire_FilledInAndSubmitted_ShowsTheTierAndTheArticles()
    {
        var system = await RegisterAsync();
        await SignInAsync(Server.AdminToken, $"/app/systems/{system}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "EU AI Act classification" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#not-classified")).ToBeVisibleAsync();

        await Page.GetByLabel("Is the system placed on the EU market").CheckAsync();
        await Page.GetByLabel("Annex III area 5: access to essential public or private services").CheckAsync();
        await Page.GetByLabel("Does it interact directly with people").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record revision 1" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#classification-saved")).ToHaveTextAsync("Recorded revision 1.");
        await Assertions.Expect(Page.Locator("#classification-tier")).ToHaveTextAsync("high-risk");
        await Assertions.Expect(Page.Locator("#classification-reasons")).ToContainTextAsync("Art. 6(2), Annex III point 5");
        await Assertions.Expect(Page.Locator("#classification-obligations")).ToContainTextAsync("Art. 27");
        await Assertions.Expect(Page.Locator("#classification-obligations")).ToContainTextAsync("Art. 50(1)");
        await Assertions.Expect(Page.GetByLabel("Annex III area 5: access to essential public or private services")).ToBeCheckedAsync();

        // Claiming the Art. 6(3) exemption while profiling people changes nothing: still high-risk, and the page says why.
        await Page.GetByLabel("Does it only perform a narrow procedural task").CheckAsync();
        await Page.GetByLabel("Does it perform profiling of natural persons?").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record revision 2" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#classification-tier")).ToHaveTextAsync("high-risk");
        await Assertions.Expect(Page.Locator("#classification-reasons")).ToContainTextAsync("Art. 6(3), last subparagraph");
        await Assertions.Expect(Page.Locator("#classification-history tbody tr")).ToHaveCountAsync(2);

        // The high-risk classification brings the Art. 27 obligation to the obligations page.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Obligations" }).First.ClickAsync();
        await Assertions.Expect(Page.Locator("#obligation-eu-fria")).ToContainTextAsync("Art. 27: before first use");
    }

    [Fact]
    public async Task TheImpactPage_ShowsARunsFiguresAndSources_AndTheObligationsPageItsDueDate()
    {
        var system = await RegisterAsync();
        using (var admin = Server.Api(Server.AdminToken))
        {
            Assert.True((await admin.PostAsJsonAsync($"/api/v1/systems/{system}/versions/1.0/training-runs",
                new { run = "pretrain", startedOn = "2026-01-05", acceleratorHours = 1_082_990, computeFlop = 2e25 })).IsSuccessStatusCode);
        }

        await SignInAsync(Server.AdminToken, $"/app/systems/{system}/versions/1.0");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Impact: energy, CO2e, water, fairness" }).ClickAsync();
        await Page.GetByLabel("Accelerator (power from the shipped table)").SelectOptionAsync("A100-SXM");
        await Page.GetByLabel("PUE (default 1.58)").FillAsync("1");
        await Page.GetByLabel("Region (ISO 3166 country code").FillAsync("FR");
        await Page.GetByLabel("Grid year").FillAsync("2023");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Estimate and record" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#energy-recorded")).ToHaveTextAsync("Recorded the estimate of run pretrain.");
        await Assertions.Expect(Page.Locator("#environment-totals")).ToContainTextAsync("433,196.0 kWh");
        await Page.Locator("#sources-pretrain summary").ClickAsync();
        await Assertions.Expect(Page.Locator("#sources-pretrain table")).ToContainTextAsync("FR 2023");
        await Assertions.Expect(Page.Locator("#sources-pretrain table")).ToContainTextAsync("CC BY 4.0");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Write these figures onto the model card" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#card-written")).ToContainTextAsync("revision 1 of the model card");

        await Page.GetByRole(AriaRole.Link, new() { Name = $"Obligations of {system}" }).ClickAsync();
        var notice = Page.Locator("#obligation-eu-art52-notification");
        await Assertions.Expect(notice).ToContainTextAsync("Art. 52");
        await Assertions.Expect(notice).ToContainTextAsync("UTC");
        await Page.GetByLabel("Reference (the notification's number").FillAsync("AIO-2026-7");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record as met" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#met-recorded")).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToContainTextAsync("AIO-2026-7");
    }

    [Fact]
    public async Task AFria_IsStartedWrittenAndSubmittedForReview_FromThePages()
    {
        var system = await RegisterAsync();
        using (var admin = Server.Api(Server.AdminToken))
        {
            if ((await admin.GetAsync("/api/v1/charters/current")).StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                var charter = File.ReadAllText(Path.Combine(RepositoryRoot(), "presets", "charters", "preparedness-style.yaml"));
                Assert.True((await admin.PostAsJsonAsync("/api/v1/charters", new { yaml = charter })).IsSuccessStatusCode);
            }
        }

        await SignInAsync(Server.AdminToken, $"/app/systems/{system}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Fundamental rights impact assessments" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#no-frias")).ToBeVisibleAsync();
        await Page.Locator("#start-deployment").FillAsync("lending-fr");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        // A draft first: saved, and told which points of Art. 27 are still to write.
        await Page.Locator("#fria-deployer").FillAsync("Caisse Régionale, consumer lending");
        await Page.Locator("#fria-purpose").FillAsync("Score consumer credit applications.");
        await Page.Locator("#fria-affectedGroups").FillAsync("loan applicants\napplicants over 70");
        await Page.Locator("#fria-risks-0-group").FillAsync("applicants over 70");
        await Page.Locator("#fria-risks-0-harm").FillAsync("Refused credit more often than others with the same means.");
        await Page.Locator("select[name='risk-0-severity']").SelectOptionAsync("high");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save revision 1" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#fria-saved")).ToHaveTextAsync("Saved revision 1.");
        await Assertions.Expect(Page.Locator("#fria-status")).ToHaveTextAsync("draft");
        await Assertions.Expect(Page.Locator("#fria-missing")).ToContainTextAsync("Human oversight measures (Art. 27(1)(e))");

        foreach (var (field, text) in new[]
        {
            ("processes", "Advisers see the score beside the application; a person decides."),
            ("period", "From 2026-06 for two years, on every application."),
            ("oversight", "Advisers may override any score."),
            ("mitigation", "Suspend the score for the group and review refused files."),
            ("governance", "The credit risk committee reviews the assessment every quarter."),
            ("complaints", "Applicants write to the mediator; answered within 30 days."),
        })
        {
            await Page.Locator($"#fria-{field}").FillAsync(text);
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save revision 2" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#fria-saved")).ToHaveTextAsync("Saved revision 2.");
        await Assertions.Expect(Page.Locator("#fria-risks-0-group")).ToHaveValueAsync("applicants over 70");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit revision 2 for review" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#fria-submitted")).ToContainTextAsync("Submitted for review");
        await Page.Locator("#fria-submitted a").ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("lending-fr");
    }

    [Fact]
    public async Task AFairnessCsv_ImportedFromTheImpactPage_ShowsTheDisparity()
    {
        var system = await RegisterAsync();
        await SignInAsync(Server.AdminToken, $"/app/systems/{system}/versions/1.0/impact");
        await Page.GetByLabel("Assessment name").FillAsync("credit-q1");
        await Page.GetByLabel("Group column(s)").FillAsync("group");
        await Page.GetByLabel("Reference group").FillAsync("a");
        await Page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "results.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("group,label,prediction\na,1,1\na,1,1\na,0,1\na,0,0\nb,1,1\nb,1,0\nb,0,0\nb,0,0\n"),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#fairness-imported")).ToHaveTextAsync("Imported assessment credit-q1.");
        var section = Page.Locator("#fairness-credit-q1");
        await Assertions.Expect(section).ToContainTextAsync("FAILS");
        await Assertions.Expect(section).ToContainTextAsync("0.333 (below 0.8)");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root is not above the test binaries.");
    }
}
