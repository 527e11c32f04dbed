using System.Net;
using System.Text.RegularExpressions;
using Vigie.Core.Formats.ModelCards;
using Vigie.Server.Features.Cards;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Cards;

public abstract class CardEditorPageTests : ServerTest
{
    private const string Page = "/app/systems/atlas/versions/1.0/card";

    /// <summary>Every input of the form as a browser would post it, from a card, with some values changed.</summary>
    private static List<KeyValuePair<string, string>> Fields(ModelCard card, long baseRevision, params (string Path, string Value)[] changes)
    {
        var form = CardForm.From(card);
        var fields = CardForm.Paths.Select(p => KeyValuePair.Create(p, form.Value(p))).ToDictionary();
        foreach (var (path, value) in changes)
        {
            fields[path] = value;
        }

        return [.. fields, KeyValuePair.Create("baseRevision", baseRevision.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    private async Task<PageClient> SignedInAsync(string? token = null)
    {
        var page = new PageClient(Factory);
        await page.SignInOkAsync(token ?? Factory.AdminToken);
        return page;
    }

    [Fact]
    public async Task NewVersion_ShowsTheEmptyForm_AndWhatSb53Requires()
    {
        await CardApi.RegisterAsync(Factory.Admin(), "atlas", "1.0");
        using var page = await SignedInAsync();

        var html = WebUtility.HtmlDecode(await (await page.GetAsync(Page)).Content.ReadAsStringAsync());

        Assert.Contains("No card yet", html);
        Assert.Contains("misses 11 of the 11 fields California SB 53 transparency report requires", html);
        Assert.Contains("href=\"#f-model-website\"", html);
        Assert.Contains("§22757.12(c)(1)(A)", html);
        Assert.Matches("<input id=\"f-training-computeFlop\" name=\"training.computeFlop\" type=\"text\"", html);
        Assert.Contains("<option value=\"serious\"", html);
        Assert.Contains("Save revision 1", html);
    }

    [Fact]
    public async Task BadValue_IsShownNextToItsField_TheTypedTextIsKept_AndNothingIsSaved()
    {
        await CardApi.RegisterAsync(Factory.Admin(), "atlas", "1.0");
        using var page = await SignedInAsync();
        var size = TreeSize;

        var response = await page.SubmitFormAsync(Page, "card", Fields(ModelCard.Empty, 0,
            ("training.computeFlop", "a lot"), ("model.website", "https://example.org/"), ("risk.safetyRiskAssessment", "critical")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches(new Regex("id=\"e-training-computeFlop\" role=\"alert\">\\s*<p>must be a number, e.g. 3.8e25 or 1200; got 'a lot'.</p>"), html);
        Assert.Contains("aria-describedby=\"h-f-training-computeFlop e-training-computeFlop\" aria-invalid=\"true\"", html);
        Assert.Contains("must be one of serious, high, medium, low; got 'critical'.", html);
        Assert.Contains("value=\"a lot\"", html);
        Assert.Contains("value=\"https://example.org/\"", html);
        Assert.Contains("Nothing was saved: fix the fields marked below.", html);
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task Save_MakesTheNextRevision_AndThePageShowsItAndItsDiff()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"name":"Atlas","summary":"An asistant."}}""", 0);
        var card = ModelCard.FromJson("""{"model":{"name":"Atlas","summary":"An asistant."}}""").Card!;
        using var page = await SignedInAsync();

        var response = await page.SubmitFormAsync(Page + "?profile=eu-annex-xi", "card",
            [.. Fields(card, 1, ("model.summary", "An assistant."), ("training.computeFlop", "3.8e25")), new("note", "Compute and a typo")]);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(Page + "?saved=2&profile=eu-annex-xi", response.Headers.Location!.PathAndQuery);
        var html = WebUtility.HtmlDecode(await (await page.GetAsync(response.Headers.Location.PathAndQuery)).Content.ReadAsStringAsync());
        Assert.Contains("Saved revision 2.", html);
        Assert.Contains("Revision <strong>2</strong> (material, public)", html);
        Assert.Contains("EU AI Act Annex XI", html);
        Assert.Contains("2 change(s)", html);
        Assert.Contains("~ model.summary</code>", html);
        Assert.Contains("<del>An asistant.</del>", html);
        Assert.Contains("<ins>An assistant.</ins>", html);
        Assert.Contains("Compute and a typo", html);
        var saved = await ReadJsonAsync(await admin.GetAsync(CardApi.CardPath("atlas", "1.0")));
        Assert.Equal(3.8e25, saved.GetProperty("card").GetProperty("training").GetProperty("computeFlop").GetDouble());
    }

    [Fact]
    public async Task EditorialBox_MakesAnEditorialRevision()
    {
        await CardApi.RegisterAsync(Factory.Admin(), "atlas", "1.0");
        using var page = await SignedInAsync();

        var response = await page.SubmitFormAsync(Page, "card", [.. Fields(ModelCard.Empty, 0, ("model.name", "Atlas")), new("editorial", "true")]);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var saved = await ReadJsonAsync(await Factory.Admin().GetAsync(CardApi.CardPath("atlas", "1.0")));
        Assert.False(saved.GetProperty("material").GetBoolean());
    }

    [Fact]
    public async Task SaveFromAStalePage_IsRefused_AndKeepsWhatWasTyped()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"name":"A"}}""", 0);
        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"name":"B"}}""", 1);
        using var page = await SignedInAsync();
        var size = TreeSize;

        var response = await page.SubmitFormAsync(Page, "card", Fields(ModelCard.Empty, 1, ("model.name", "Mine")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("is at revision 2, not 1", html);
        Assert.Contains("value=\"Mine\"", html);
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task Auditor_ReadsTheCard_ButCannotSave()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        using var page = await SignedInAsync(await CreateUserAsync(admin, "audrey", "auditor"));

        var html = await (await page.GetAsync(Page)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"save-card\"", html);
        Assert.Contains("readonly", html);

        var size = TreeSize;
        var response = await page.SubmitFormAsync(Page, "card", Fields(ModelCard.Empty, 0, ("model.name", "Sneaky")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task Page_NeedsSignIn_AndAnUnknownVersionSaysSo()
    {
        await CardApi.RegisterAsync(Factory.Admin(), "atlas", "1.0");
        using var anonymous = new PageClient(Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(Page)).StatusCode);

        using var page = await SignedInAsync();
        var missing = await page.GetAsync("/app/systems/atlas/versions/9.9/card");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var text = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        Assert.True(text.Contains("No version atlas@9.9", StringComparison.Ordinal), text);
    }
}

public sealed class CardEditorPageTestsOnSqlite : CardEditorPageTests
{
    protected override bool UsePostgres => false;
}

public sealed class CardEditorPageTestsOnPostgres : CardEditorPageTests
{
    protected override bool UsePostgres => true;
}
