using System.Text.Json;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Log;

/// <summary>
/// Full entry bundles kept as files: written once their 256th entry commits, served byte for byte
/// as the store would serve them, and never trusted when torn or made from other entries.
/// </summary>
public abstract class EntryBundleFileTests : ServerTest
{
    private string BundleDirectory => Path.Combine(Store.DataDirectory, "log-bundles");

    /// <summary>Appends until the log holds at least <paramref name="size"/> entries (it starts with the admin's two).</summary>
    private async Task GrowToAsync(long size)
    {
        var ledger = Factory.Service<Ledger.Ledger>();
        var writes = new List<Task>();
        for (var i = ledger.Tree.Size; i < size; i++)
        {
            writes.Add(ledger.AppendAsync(new LedgerWrite("bench.plain/v1", "admin", Visibility.Public,
                JsonSerializer.SerializeToElement(new { n = i, note = "bundle file test" }))));
        }

        await Task.WhenAll(writes);
    }

    /// <summary>The path of bundle n's file for this log (named by the tree's hash of its leaves), once written.</summary>
    private async Task<string> WaitForFileAsync(long n)
    {
        var root = Factory.Service<Ledger.Ledger>().Tree.NodeHash(TilePath.Height, n);
        var path = Path.Combine(BundleDirectory, TilePath.IndexPath(n) + "-" + Convert.ToHexStringLower(root));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var found = File.Exists(path) ? path : null;
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"bundle {n} was not written as a file");
            await Task.Delay(20);
        }
    }

    /// <summary>The bundle as the store holds it, built the way the serve path builds it without a file.</summary>
    private async Task<byte[]> FromStoreAsync(long n) =>
        EntryBundle.Encode(await Factory.Service<LedgerStore>().ReadEnvelopesAsync(n * TilePath.FullWidth, TilePath.FullWidth, CancellationToken.None));

    [Fact]
    public async Task FullBundle_IsWrittenAsItFills_AndServedByteForByte()
    {
        await GrowToAsync(600);
        var file = await WaitForFileAsync(1);

        var expected = await FromStoreAsync(1);
        Assert.Equal(expected, await File.ReadAllBytesAsync(file));
        Assert.Equal(expected, await Factory.CreateClient().GetByteArrayAsync("/log/tile/entries/001"));
        Assert.Equal(await FromStoreAsync(0), await Factory.CreateClient().GetByteArrayAsync("/log/tile/entries/000"));
        Assert.Equal(2, Directory.EnumerateFiles(BundleDirectory, "*", SearchOption.AllDirectories).Count()); // the partial third bundle has none
    }

    [Fact]
    public async Task TornFile_IsNotServed_AndIsWrittenWholeAgain()
    {
        await GrowToAsync(300);
        var file = await WaitForFileAsync(0);
        var whole = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file, whole[..(whole.Length / 2)]); // as a crash before the data reached the disk may leave it

        Assert.Equal(whole, await Factory.CreateClient().GetByteArrayAsync("/log/tile/entries/000"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await File.ReadAllBytesAsync(file)).Length != whole.Length)
        {
            Assert.True(DateTime.UtcNow < deadline, "the torn file was not rewritten");
            await Task.Delay(20);
        }

        Assert.Equal(whole, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task FileOfAnotherHistory_IsNeverServed()
    {
        await GrowToAsync(300);
        var file = await WaitForFileAsync(0);
        var whole = await File.ReadAllBytesAsync(file);

        // What a data directory mixed up with another log's, or a store restored from an older
        // backup that then grew differently, leaves behind: a sound bundle of other entries, named
        // by the hash of those other leaves.
        var otherEntries = Enumerable.Range(0, 256).Select(i => System.Text.Encoding.UTF8.GetBytes($"{{\"other\":{i}}}")).ToList();
        var otherRoot = MerkleTree.FromLeafHashes(otherEntries.Select(e => MerkleHash.Leaf(e))).RootHash();
        File.Delete(file);
        await File.WriteAllBytesAsync(Path.Combine(Path.GetDirectoryName(file)!, "000-" + Convert.ToHexStringLower(otherRoot)), EntryBundle.Encode(otherEntries));

        Assert.Equal(whole, await Factory.CreateClient().GetByteArrayAsync("/log/tile/entries/000"));

        // The serve path built it from the store and writes this history's file again.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!File.Exists(file))
        {
            Assert.True(DateTime.UtcNow < deadline, "the bundle's file was not written again");
            await Task.Delay(20);
        }

        Assert.Equal(whole, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task Restart_WritesTheFilesOfBundlesThatHaveNone()
    {
        await GrowToAsync(520);
        await WaitForFileAsync(1);
        Directory.Delete(BundleDirectory, recursive: true);

        await RestartAsync();

        await WaitForFileAsync(0);
        var file = await WaitForFileAsync(1);
        Assert.Equal(await FromStoreAsync(1), await File.ReadAllBytesAsync(file));
    }
}

public sealed class EntryBundleFileTestsOnSqlite : EntryBundleFileTests
{
    protected override bool UsePostgres => false;
}

public sealed class EntryBundleFileTestsOnPostgres : EntryBundleFileTests
{
    protected override bool UsePostgres => true;
}
