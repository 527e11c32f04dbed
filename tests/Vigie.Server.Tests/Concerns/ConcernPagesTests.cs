using System.Net;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Concerns;

public abstract class ConcernPagesTests : ConcernTest
{
    [Fact]
    public async Task ReporterPage_NeedsNoAccount_SetsNoCookie_AndCannotSendWithoutTheScript()
    {
        await SetUpChannelAsync();
        var response = await Factory.CreateClient().GetAsync("/concerns/new");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("<button id=\"concern-send\" type=\"button\" data-needs-x25519 disabled>", html);
        Assert.DoesNotContain("name=\"", html[html.IndexOf("<textarea", StringComparison.Ordinal)..html.IndexOf("</textarea>", StringComparison.Ordinal)]);
        Assert.Contains("/concerns/vigie-concerns.js", html);
        Assert.Contains("EU AI Office", html);
        var script = await Factory.CreateClient().GetAsync("/concerns/vigie-concerns.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("vigie-concern-envelope/v1", await script.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RecipientPages_AreForRecipients_AndAcknowledgeAndCloseThroughForms()
    {
        await SetUpChannelAsync();
        var reporter = await FileAsync("Text");
        var id = Assert.Single((await InboxAsync("bob")).EnumerateArray()).GetProperty("concern").GetString();

        using var member = new PageClient(Factory);
        await member.SignInOkAsync(await CreateUserAsync(Factory.Admin(), "mo", "member"));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/app/concerns")).StatusCode);

        using var bob = new PageClient(Factory);
        await bob.SignInOkAsync(Recipients["bob"].Token);
        Assert.Contains($"/app/concerns/{id}", await bob.Http.GetStringAsync("/app/concerns"));
        var ack = await bob.SubmitFormAsync($"/app/concerns/{id}", "acknowledge", []);
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        var notSealed = await bob.SubmitFormAsync($"/app/concerns/{id}", "reply", [new("ReplyMessage", "")]);
        Assert.Contains("was not sealed", await notSealed.Content.ReadAsStringAsync());
        var closed = await bob.SubmitFormAsync($"/app/concerns/{id}", "close", [new("CloseOutcome", "not-substantiated")]);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        var status = await StatusAsync(reporter);
        Assert.Equal("closed", status.GetProperty("status").GetString());
        Assert.Equal("not-substantiated", status.GetProperty("outcome").GetString());
        Assert.Contains("No concern", await bob.Http.GetStringAsync("/app/concerns/C-0000000000"));
    }
}

public sealed class ConcernPagesTestsOnSqlite : ConcernPagesTests
{
    protected override bool UsePostgres => false;
}

public sealed class ConcernPagesTestsOnPostgres : ConcernPagesTests
{
    protected override bool UsePostgres => true;
}
