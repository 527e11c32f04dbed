using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Vigie.Server.Tests.Cards;
using Vigie.Server.Tests.Decisions;
using Xunit;

namespace Vigie.Server.Tests.Portal;

/// <summary>The public portal, read as an anonymous visitor: only public facts, each with its log entry and proof.</summary>
public abstract class PortalPagesTests : PortalTest
{
    [Fact]
    public async Task Overview_ListsSystemsDecisionsAndTheCheckpoint_WithProofLinks()
    {
        var id = await DecisionWithDissentAsync();
        var html = await PageAsync("/");
        Assert.Contains("<a href=\"/systems/atlas\">atlas</a>", html);
        Assert.Contains($"href=\"/decisions/{id}\"", html);
        Assert.Contains($"<dt>Entries</dt><dd>{TreeSize}</dd>", html);
        Assert.Contains("/api/v1/log/proofs/inclusion?index=", html);
        Assert.Contains("<main id=\"main\"", html);
        Assert.Contains("aria-label=\"Public portal\"", html);

        var system = await PageAsync("/systems/atlas");
        Assert.Contains("Model card, revision 1", system);
        Assert.Contains("<code>training.computeFlop</code>", system);
        Assert.Contains(global::System.Text.Encodings.Web.HtmlEncoder.Default.Encode("3.8E+25"), system);
    }

    [Fact]
    public async Task Snapshot_IsRebuiltInTheBackground_WhenACheckpointIsPublished_OnceThePortalWasRead()
    {
        var id = await DecisionWithDissentAsync();
        var data = Factory.Service<Vigie.Server.Features.Portal.PortalData>();
        await Task.Delay(TimeSpan.FromMilliseconds(600)); // a few refresh periods: nobody has read the portal, nothing is built
        Assert.Null(data.HeldSize);

        Assert.Contains($"<dt>Entries</dt><dd>{TreeSize}</dd>", await PageAsync("/"));
        Assert.Equal(TreeSize, data.HeldSize);

        await PostAsync(Person("cal"), $"/api/v1/decisions/{id}/dissent", new { statement = "Still not convinced." }, HttpStatusCode.Created);
        await CheckpointCoveringAsync(App.CreateClient(), TreeSize, TimeSpan.FromSeconds(5));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (data.HeldSize != TreeSize && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(TreeSize, data.HeldSize); // rebuilt without any request
        Assert.Contains("Still not convinced.", await PageAsync($"/decisions/{id}"));
    }

    [Fact]
    public async Task DecisionPage_ShowsSignOffsByRole_JustificationsAndDissent_ButNotAConfidentialStatement()
    {
        var id = await DecisionWithDissentAsync();
        var html = await PageAsync($"/decisions/{id}");
        Assert.Contains("advisory-group", html);
        Assert.Contains("Cyber uplift is below the High threshold.", html);
        Assert.Contains("The cyber evaluation skipped the agentic setting.", html);
        Assert.Contains("It names a customer under NDA.", html);
        Assert.DoesNotContain("Customer Z", html);

        var missing = await PageAsync("/decisions/dec-99999");
        Assert.Contains("No public decision dec-99999", missing);
    }

    [Fact]
    public async Task ConfidentialStatement_IsWithheldWithItsReason_ThenPublished_AndTheCommitmentCheckPasses()
    {
        await DecisionWithDissentAsync();
        var withheld = await PageAsync("/withheld");
        Assert.Contains("decision.dissent-statement/v1", withheld);
        var index = TreeSize - 1; // the sealed statement follows its public dissent entry
        var before = await PageAsync($"/entries/{index}");
        Assert.Contains("withheld-notice", before);
        Assert.DoesNotContain("Customer Z", before);

        // Only an admin may publish; an anonymous caller is refused and nothing is written.
        var anonymous = await App.CreateClient().PostAsJsonAsync("/api/v1/portal/disclosures", new { entry = index });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var reason = await App.Admin().PostAsJsonAsync("/api/v1/portal/redaction-reasons", new { entry = index, reason = "Names a customer under NDA until the contract ends." });
        Assert.Equal(HttpStatusCode.Created, reason.StatusCode);
        var published = await App.Admin().PostAsJsonAsync("/api/v1/portal/disclosures", new { entry = index, reason = "The NDA ended." });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var again = await App.Admin().PostAsJsonAsync("/api/v1/portal/disclosures", new { entry = index });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var publicOne = await App.Admin().PostAsJsonAsync("/api/v1/portal/disclosures", new { entry = 0 });
        Assert.Equal(HttpStatusCode.Conflict, (await App.Admin().PostAsJsonAsync("/api/v1/portal/disclosures", new { entry = index - 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Admin().PostAsJsonAsync("/api/v1/portal/disclosures", new { entry = 10_000_000 })).StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, publicOne.StatusCode);

        var after = await PageAsync($"/entries/{index}");
        Assert.Contains("Customer Z", after);
        Assert.Contains("Names a customer under NDA until the contract ends.", after);
        Assert.Contains("class=\"verified-mark\"", after);
        Assert.Contains("match the commitment", after);

        var rebuilt = await DumpProjectionsAsync();
        await Factory.Service<Vigie.Server.Ledger.ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        Assert.Equal(rebuilt, await DumpProjectionsAsync());
    }

    [Fact]
    public async Task DocumentsStatisticsFeedAndVerify_ShowTheCharterTheFiguresAndTheDecisions()
    {
        var id = await DecisionWithDissentAsync();
        var documents = await PageAsync("/documents");
        Assert.Contains("Charters", documents);
        Assert.Contains("in force", documents);

        var statistics = await PageAsync("/statistics");
        Assert.Contains("Dissents recorded", statistics);
        Assert.Contains("Concerns received", statistics);
        var json = await ReadJsonAsync(await App.CreateClient().GetAsync("/api/v1/portal/statistics"));
        var decisions = json.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "decisions");
        var dissents = decisions.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "dissents");
        Assert.Equal(2, dissents.GetProperty("value").GetDouble());
        Assert.Equal(2, dissents.GetProperty("entries").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await App.CreateClient().GetAsync("/api/v1/portal/statistics?from=2026-13-01")).StatusCode);
        var empty = await ReadJsonAsync(await App.CreateClient().GetAsync("/api/v1/portal/statistics?from=1999-01-01&to=1999-12-31"));
        Assert.Equal(0, empty.GetProperty("groups")[0].GetProperty("figures")[0].GetProperty("value").GetDouble());

        var feed = await App.CreateClient().GetAsync("/feed.atom");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType!.MediaType);
        var atom = XDocument.Parse(await feed.Content.ReadAsStringAsync());
        XNamespace a = "http://www.w3.org/2005/Atom";
        var titles = atom.Root!.Elements(a + "entry").Select(e => e.Element(a + "title")!.Value).ToList();
        Assert.Contains(titles, t => t.StartsWith($"Decision {id}", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith($"Dissent on {id} by max", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("version 1 adopted", StringComparison.Ordinal));
        Assert.DoesNotContain("Customer Z", atom.ToString());

        var verify = await PageAsync("/verify");
        Assert.Contains("vigie --server", verify);
        Assert.Contains(global::System.Text.Encodings.Web.HtmlEncoder.Default.Encode((await App.CreateClient().GetStringAsync("/log/key")).Trim()), verify);
    }
}

public sealed class PortalPagesTestsOnSqlite : PortalPagesTests
{
    protected override bool UsePostgres => false;
}

public sealed class PortalPagesTestsOnPostgres : PortalPagesTests
{
    protected override bool UsePostgres => true;
}
