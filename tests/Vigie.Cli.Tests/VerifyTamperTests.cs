using System.Text;
using Vigie.Cli.Tests.Infrastructure;
using Vigie.Cli.Verification;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Cli.Tests;

/// <summary>vigie verify against a log served by a tiny fake tlog-tiles server, honest or not.</summary>
public sealed class VerifyTamperTests : IAsyncLifetime
{
    private FakeTlogServer server = null!;

    public async ValueTask InitializeAsync() => server = await FakeTlogServer.StartAsync();

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Verify_HonestFakeLog_ExitsZero()
    {
        var log = new FakeLog(FakeLog.NewSigner(), 600);
        server.Files = log.Publish(600);
        using var cli = new CliRunner(server.Url);

        var result = await cli.RunAsync("verify");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("600 entries", result.Out);
    }

    [Fact]
    public async Task Verify_OneByteChangedInABundle_ExitsOneNamingTheEntry()
    {
        var log = new FakeLog(FakeLog.NewSigner(), 600);
        var files = log.Publish(600);
        var tampered = log.Entries.Select(e => (byte[])e.Clone()).ToList();
        var entry = tampered[270];
        var at = Encoding.UTF8.GetString(entry).IndexOf("\"sha256\":\"", StringComparison.Ordinal) + 10;
        entry[at] = (byte)(entry[at] == (byte)'0' ? '1' : '0');
        files["log/tile/entries/001"] = EntryBundle.Encode(tampered.GetRange(256, 256));
        server.Files = files;
        using var cli = new CliRunner(server.Url);

        var result = await cli.RunAsync("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Entry 270", result.Error);
        Assert.False(File.Exists(cli.ConfigPath) && File.ReadAllText(cli.ConfigPath).Contains("\"checkpoint\""), "an invalid log's checkpoint must not be saved");
    }

    [Fact]
    public async Task Verify_EntryThatDoesNotParse_ExitsOneNamingTheEntry()
    {
        var log = new FakeLog(FakeLog.NewSigner(), 40);
        log.Entries[17] = Encoding.UTF8.GetBytes("{\"kind\":\"x\"}");
        server.Files = log.Publish(40);
        using var cli = new CliRunner(server.Url);

        var result = await cli.RunAsync("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Entry 17 does not parse", result.Error);
    }

    [Fact]
    public async Task Verify_Rollback_ExitsOneNamingBothCheckpoints()
    {
        var log = new FakeLog(FakeLog.NewSigner(), 10);
        var ten = log.Publish(10);
        var five = log.Publish(5);
        server.Files = ten;
        using var cli = new CliRunner(server.Url);
        Assert.Equal(0, (await cli.RunAsync("verify")).ExitCode);

        server.Files = five;
        var result = await cli.RunAsync("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Rollback", result.Error);
        Assert.Contains($"checkpoint 10 (root {FakeLog.RootOf(ten, log.Signer)})", result.Error);
        Assert.Contains($"checkpoint 5 (root {FakeLog.RootOf(five, log.Signer)})", result.Error);
    }

    [Fact]
    public async Task Verify_Fork_ExitsOneNamingBothCheckpoints()
    {
        var signer = FakeLog.NewSigner();
        var original = new FakeLog(signer, 10, "a");
        var rewritten = new FakeLog(signer, 12, "b");
        var ten = original.Publish(10);
        var twelve = rewritten.Publish(12);
        server.Files = ten;
        using var cli = new CliRunner(server.Url);
        Assert.Equal(0, (await cli.RunAsync("verify")).ExitCode);

        server.Files = twelve;
        var result = await cli.RunAsync("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Fork", result.Error);
        Assert.Contains($"checkpoint 10 (root {FakeLog.RootOf(ten, signer)})", result.Error);
        Assert.Contains($"checkpoint 12 (root {FakeLog.RootOf(twelve, signer)})", result.Error);
    }

    [Fact]
    public async Task Verify_CheckpointSignedByAnotherKey_ExitsOne()
    {
        var log = new FakeLog(FakeLog.NewSigner(), 10);
        var impostor = NoteSigner.Generate(log.Signer.Name);
        server.Files = log.Publish(10, signWith: impostor);
        using var cli = new CliRunner(server.Url);

        var result = await cli.RunAsync("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not signed by the pinned key", result.Error);
    }

    [Fact]
    public async Task Verify_ServedKeyChangedAfterPinning_ExitsOneNamingBoth()
    {
        var log = new FakeLog(FakeLog.NewSigner(), 10);
        server.Files = log.Publish(10);
        using var cli = new CliRunner(server.Url);
        Assert.Equal(0, (await cli.RunAsync("verify")).ExitCode);

        var other = new FakeLog(NoteSigner.Generate(log.Signer.Name), 10);
        server.Files = other.Publish(10);
        var result = await cli.RunAsync("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(log.Signer.Verifier.VerifierKey, result.Error);
        Assert.Contains(other.Signer.Verifier.VerifierKey, result.Error);
    }

    [Fact]
    public async Task Verify_GrowthAcrossFullBundles_IsConsistent()
    {
        var log = new FakeLog(FakeLog.NewSigner(), 700);
        server.Files = log.Publish(300);
        using var cli = new CliRunner(server.Url);
        Assert.Equal(0, (await cli.RunAsync("verify")).ExitCode);

        server.Files = log.Publish(700);
        var result = await cli.RunAsync("verify");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Consistent with checkpoint 300", result.Out);
    }

    [Fact]
    public async Task Verify_ForkInsideAFullBundle_ExitsOneNamingBothCheckpoints()
    {
        // Only entry 299 differs: the earlier root cuts through bundle 1, which is full in the new log.
        var signer = FakeLog.NewSigner();
        var original = new FakeLog(signer, 700);
        var rewritten = new FakeLog(signer, 700);
        rewritten.Entries[299] = FakeLog.Entry(299, "b");
        var three = original.Publish(300);
        var seven = rewritten.Publish(700);
        server.Files = three;
        using var cli = new CliRunner(server.Url);
        Assert.Equal(0, (await cli.RunAsync("verify")).ExitCode);

        server.Files = seven;
        var result = await cli.RunAsync("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Fork", result.Error);
        Assert.Contains($"checkpoint 300 (root {FakeLog.RootOf(three, signer)})", result.Error);
    }

    [Fact]
    public async Task Verify_AlteredLevelOneTile_ExitsOneNamingTheTile()
    {
        var log = new FakeLog(FakeLog.NewSigner(), 600);
        var files = log.Publish(600);
        var tile = (byte[])files["log/tile/1/000.p/2"].Clone();
        tile[40] ^= 1;
        files["log/tile/1/000.p/2"] = tile;
        server.Files = files;
        using var cli = new CliRunner(server.Url);

        var result = await cli.RunAsync("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Hash tile tile/1/000.p/2 disagrees", result.Error);
    }

    [Fact]
    public async Task Verify_EntryNotInCanonicalForm_ExitsOneNamingTheEntry()
    {
        var log = new FakeLog(FakeLog.NewSigner(), 300);
        log.Entries[260] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(log.Entries[260]).Replace("\"actor\":", "\"actor\" :", StringComparison.Ordinal));
        server.Files = log.Publish(300);
        using var cli = new CliRunner(server.Url);

        var result = await cli.RunAsync("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Entry 260 does not parse as a Vigie entry: entry is not in RFC 8785 canonical form (first difference at byte 8)", result.Error);
    }

    [Fact]
    public async Task Verify_BundleLargerThanAnyBundleCanBe_ExitsOneWithoutReadingItAll()
    {
        var log = new FakeLog(FakeLog.NewSigner(), 300);
        var files = log.Publish(300);
        files["log/tile/entries/000"] = new byte[BundleCheck.MaxBundleBytes + 1];
        server.Files = files;
        using var cli = new CliRunner(server.Url);

        var result = await cli.RunAsync("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Entry bundle tile/entries/000 is", result.Error);
        Assert.Contains("more than any can be", result.Error);
    }
}
