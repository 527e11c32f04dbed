using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Core.Ledger;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Interop;

/// <summary>
/// "An independent tlog client must be able to verify Vigie's checkpoint, tiles and entries with
/// nothing but that key": Go's own sumdb/note and sumdb/tlog (tests/go-tlog-client) read a live
/// Vigie server over real HTTP and prove every entry into the signed checkpoint.
/// </summary>
public abstract partial class GoTlogClientTests : IAsyncLifetime
{
    private const string Origin = "test.vigie.example/log";

    protected abstract bool UsePostgres { get; }

    private TestStore Store { get; set; } = null!;

    private VigieFactory Factory { get; set; } = null!;

    /// <summary>The server's real loopback address, e.g. http://127.0.0.1:41234.</summary>
    private string Url { get; set; } = null!;

    private HttpClient Admin { get; set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Store = await TestStore.CreateAsync(UsePostgres);
        Factory = new VigieFactory(Store); // the same settings as every server test, but on a real socket
        Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        Url = Factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        Admin = new HttpClient { BaseAddress = new Uri(Url) };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Factory.AdminToken);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
        await Store.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task GoClient_VerifiesEveryEntry_WithNothingButThePublishedKey()
    {
        await RecordEvidenceAsync(600);
        var checkpoint = await CheckpointCoveringAsync(TreeSize);

        // 600 entries plus the first start's: two full level-0 tiles, a partial one, and a
        // partial level-1 tile, so the client walks every tile shape.
        Assert.InRange(checkpoint.Size, 513, 767);
        Assert.Equal(64, (await Admin.GetByteArrayAsync("/log/tile/1/000.p/2")).Length);

        var key = await PublishedKeyAsync();
        var (exitCode, output) = await GoTlogClient.RunAsync("-url", Url, "-key", key);

        Assert.True(exitCode == 0, $"Go's tlog client rejected Vigie's log (exit {exitCode}):\n{output}");
        Assert.Equal(checkpoint.Size, VerifiedSize(output));
    }

    [Fact]
    public async Task GoClient_RejectsTheCheckpoint_WithAnotherKeyOfTheSameOrigin()
    {
        await RecordEvidenceAsync(3);
        var checkpoint = await CheckpointCoveringAsync(TreeSize);
        var otherKey = NoteSigner.Generate(Origin).Verifier.VerifierKey;
        Assert.NotEqual(await PublishedKeyAsync(), otherKey);

        var (exitCode, output) = await GoTlogClient.RunAsync("-url", Url, "-key", otherKey);

        Assert.True(exitCode == 1, $"Expected exit 1 with a key that did not sign the checkpoint, got {exitCode}:\n{output}");
        Assert.Contains("checkpoint signature", output, StringComparison.Ordinal);
        Assert.DoesNotContain("verified", output, StringComparison.Ordinal);

        // The same run with the published key passes, so the key alone made the difference.
        var (goodExit, goodOutput) = await GoTlogClient.RunAsync("-url", Url, "-key", await PublishedKeyAsync());
        Assert.True(goodExit == 0, $"Go's tlog client rejected Vigie's log (exit {goodExit}):\n{goodOutput}");
        Assert.Equal(checkpoint.Size, VerifiedSize(goodOutput));
    }

    [Fact]
    public async Task GoClient_ProvesTheLog_ConsistentWithEarlierCheckpoints()
    {
        var key = await PublishedKeyAsync();
        var first = await CheckpointCoveringAsync(2); // signed on first start
        await RecordEvidenceAsync(300);
        var middle = await CheckpointCoveringAsync(TreeSize);
        await RecordEvidenceAsync(300);
        var latest = await CheckpointCoveringAsync(TreeSize);
        Assert.True(first.Size < middle.Size && middle.Size < latest.Size, $"sizes {first.Size}, {middle.Size}, {latest.Size}");

        foreach (var earlier in new[] { first, middle })
        {
            var (exitCode, output) = await GoTlogClient.RunAsync(
                "-url", Url, "-key", key, "-old-size", $"{earlier.Size}", "-old-root", Convert.ToBase64String(earlier.RootHash));

            Assert.True(exitCode == 0, $"Go's tlog client found no consistency from size {earlier.Size} (exit {exitCode}):\n{output}");
            Assert.Contains($"consistent with the checkpoint of size {earlier.Size}\n", output, StringComparison.Ordinal);
            Assert.Equal(latest.Size, VerifiedSize(output));
        }

        // A root the log never had at that size must be refused.
        var forged = (byte[])middle.RootHash.Clone();
        forged[0] ^= 1;
        var (forgedExit, forgedOutput) = await GoTlogClient.RunAsync(
            "-url", Url, "-key", key, "-old-size", $"{middle.Size}", "-old-root", Convert.ToBase64String(forged));
        Assert.True(forgedExit == 1, $"Expected exit 1 for a forged earlier root, got {forgedExit}:\n{forgedOutput}");
        Assert.Contains("not consistent", forgedOutput, StringComparison.Ordinal);
    }

    private long TreeSize => Factory.Service<Ledger.Ledger>().Tree.Size;

    /// <summary>The size from the client's "verified N entries of &lt;origin&gt;" line.</summary>
    private static long VerifiedSize(string output)
    {
        var match = VerifiedLine().Match(output);
        Assert.True(match.Success, $"No 'verified N entries of {Origin}' line in:\n{output}");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^verified (\d+) entries of test\.vigie\.example/log$", RegexOptions.Multiline)]
    private static partial Regex VerifiedLine();

    private async Task<string> PublishedKeyAsync() => (await Admin.GetStringAsync("/log/key")).Trim();

    /// <summary>Records evidence over HTTP, a few requests at a time; every fourth internal (its entry carries a commitment, not the body).</summary>
    private async Task RecordEvidenceAsync(int count)
    {
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var visibility = i % 4 == 3 ? "internal" : "public";
            var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            var response = await Admin.PostAsJsonAsync("/api/v1/evidence", new { sha256, name = $"model-{i}.safetensors", visibility }, ct);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/evidence: {response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        });
    }

    /// <summary>Waits for a checkpoint, checked with Vigie's own verifier, covering <paramref name="size"/> entries.</summary>
    private async Task<Checkpoint> CheckpointCoveringAsync(long size)
    {
        Assert.True(NoteVerifier.TryParse(await PublishedKeyAsync(), out var key, out var keyError), keyError);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var note = await Admin.GetStringAsync("/log/checkpoint");
            Assert.True(SignedNote.TryOpen(note, [key!], out var opened, out var error), error);
            Assert.True(Checkpoint.TryParse(opened!.Text, out var checkpoint, out var parseError), parseError);
            if (checkpoint!.Size >= size)
            {
                return checkpoint;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No checkpoint covered size {size} in time; the newest is {checkpoint.Size}.");
            await Task.Delay(20);
        }
    }
}

public sealed class GoTlogClientTestsOnSqlite : GoTlogClientTests
{
    protected override bool UsePostgres => false;
}

public sealed class GoTlogClientTestsOnPostgres : GoTlogClientTests
{
    protected override bool UsePostgres => true;
}
