using System.Text.Json;
using Microsoft.Playwright;
using Vigie.Browser.Tests.Infrastructure;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Browser.Tests;

/// <summary>
/// The public, in Chromium, without signing in: from the overview to a system's card, to the
/// decision about it, to a dissent and the proof that the dissent is in the signed log. On both databases.
/// </summary>
public abstract class PortalFlowBrowserTests<TServer>(BrowserFixture browser, TServer server) : BrowserTest(browser, server)
    where TServer : VigieServer
{
    [Fact]
    public async Task Public_FollowsADecisionFromTheCard_ToTheDissent_AndItsLogProof()
    {
        var seeded = await PortalSeed.SeedAsync(Server);
        await WaitForPortalAsync(seeded.PublicDissentIndex + 2);

        await Page.GotoAsync("/");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How this organisation governs its AI systems");
        await Page.GetByRole(AriaRole.Link, new() { Name = seeded.System, Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Model card, revision 1")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "https://atlas.example" })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^{seeded.Decision} ") }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign-offs by role" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#sign-offs")).ToContainTextAsync("advisory-group");
        await Assertions.Expect(Page.Locator("#sign-offs")).ToContainTextAsync("Cyber uplift is below the High threshold.");
        var dissent = Page.Locator($"#dissent-{seeded.PublicDissentIndex}");
        await Assertions.Expect(dissent).ToContainTextAsync("The cyber evaluation skipped the agentic setting.");
        await Assertions.Expect(Page.Locator(".withheld")).ToContainTextAsync("It names a customer under NDA.");
        await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync("Customer Z");

        // The proof link beside the dissent: an RFC 9162 inclusion proof, checked here against the signed checkpoint.
        await dissent.GetByRole(AriaRole.Link, new() { Name = $"Inclusion proof of entry {seeded.PublicDissentIndex}" }).ClickAsync();
        var proof = JsonDocument.Parse(await Page.Locator("body").InnerTextAsync()).RootElement;
        using var api = Server.Api(null);
        var key = NoteVerifier.TryParse((await api.GetStringAsync("/log/key")).Trim(), out var verifier, out _) ? verifier! : throw new InvalidOperationException();
        Assert.True(SignedNote.TryOpen(await api.GetStringAsync("/log/checkpoint"), [key], out var note, out var error), error);
        Assert.True(Checkpoint.TryParse(note!.Text, out var checkpoint, out _));
        var size = proof.GetProperty("size").GetInt64();
        Assert.True(size <= checkpoint!.Size);
        var entry = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/log/entries/{seeded.PublicDissentIndex}")).RootElement;
        var leaf = MerkleHash.Leaf(Convert.FromBase64String(entry.GetProperty("envelopeBase64").GetString()!));
        var consistent = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/log/proofs/consistency?from={size}&to={checkpoint.Size}")).RootElement;
        var root = Convert.FromBase64String(consistent.GetProperty("fromRootHash").GetString()!);
        Assert.True(MerkleProof.VerifyConsistency(size, checkpoint.Size,
            consistent.GetProperty("hashes").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToList(), root, checkpoint.RootHash).IsValid);
        var check = MerkleProof.VerifyInclusion(seeded.PublicDissentIndex, size, leaf,
            proof.GetProperty("hashes").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToList(), root);
        Assert.True(check.IsValid, check.Error);
    }

    [Fact]
    public async Task Portal_IsUsableByKeyboard_AndOnAPhone()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync("/");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Public portal" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Main)).ToBeVisibleAsync();
        foreach (var path in new[] { "/", "/decisions", "/statistics", "/verify", "/withheld", "/documents" })
        {
            await Page.GotoAsync(path);
            var overflow = await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{path} scrolls sideways on a 390 px wide screen.");
        }
    }

    private async Task WaitForPortalAsync(long size)
    {
        using var api = Server.Api(null);
        for (var i = 0; i < 100; i++)
        {
            if (JsonDocument.Parse(await api.GetStringAsync("/api/v1/log/checkpoint")).RootElement.GetProperty("size").GetInt64() >= size)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"No checkpoint covered {size} entries in time.");
    }
}

public sealed class PortalFlowBrowserTestsOnSqlite(BrowserFixture browser, VigieServer server)
    : PortalFlowBrowserTests<VigieServer>(browser, server), IClassFixture<VigieServer>;

public sealed class PortalFlowBrowserTestsOnPostgres(BrowserFixture browser, VigieServerOnPostgres server)
    : PortalFlowBrowserTests<VigieServerOnPostgres>(browser, server), IClassFixture<VigieServerOnPostgres>;
