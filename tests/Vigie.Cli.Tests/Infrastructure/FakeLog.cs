using System.Globalization;
using System.Text;
using Vigie.Core.Ledger;

namespace Vigie.Cli.Tests.Infrastructure;

/// <summary>
/// A log built with Vigie.Core alone, published as the files of a tlog-tiles server: checkpoint
/// signed by <see cref="Signer"/>, key, entry bundles and hash tiles for a chosen size.
/// </summary>
public sealed class FakeLog
{
    public FakeLog(NoteSigner signer, int count, string flavour = "a")
    {
        Signer = signer;
        Entries = [.. Enumerable.Range(0, count).Select(i => Entry(i, flavour))];
    }

    public NoteSigner Signer { get; }

    public List<byte[]> Entries { get; }

    public static NoteSigner NewSigner(string origin = "fake.vigie.example/log") => NoteSigner.Generate(origin);

    /// <summary>A canonical public entry, written directly so a million of them are quick to make.</summary>
    public static byte[] Entry(int i, string flavour)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(flavour + i)));
        var time = DateTimeOffset.UnixEpoch.AddYears(56).AddSeconds(i).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes(
            $"{{\"actor\":\"alice\",\"body\":{{\"name\":\"file-{i}.bin\",\"sha256\":\"{sha}\"}},\"kind\":\"evidence.recorded/v1\",\"time\":\"{time}\",\"visibility\":\"public\"}}");
    }

    public Checkpoint Checkpoint(long size, MerkleTree tree) => new(Signer.Name, size, tree.RootHash(size), []);

    /// <summary>The files a tlog-tiles server holds for the first <paramref name="size"/> entries (signed by <paramref name="signWith"/>, default the log's key).</summary>
    public Dictionary<string, byte[]> Publish(long size, NoteSigner? signWith = null)
    {
        var tree = new MerkleTree();
        foreach (var entry in Entries.Take((int)size))
        {
            tree.Append(MerkleHash.Leaf(entry));
        }

        var files = new Dictionary<string, byte[]>
        {
            ["log/key"] = Encoding.UTF8.GetBytes(Signer.Verifier.VerifierKey + "\n"),
            ["log/checkpoint"] = Encoding.UTF8.GetBytes((signWith ?? Signer).Sign(Checkpoint(size, tree).ToBody())),
        };
        foreach (var bundle in TilePath.EntryBundlesForSize(size))
        {
            var first = (int)(bundle.Index * TilePath.FullWidth);
            files["log/" + TilePath.Format(bundle)] = EntryBundle.Encode(Entries.GetRange(first, bundle.Width));
        }

        foreach (var tile in TilePath.TilesForSize(size))
        {
            files["log/" + TilePath.Format(tile)] = tree.HashTile(tile.Level, tile.Index, tile.Width);
        }

        return files;
    }

    public static string RootOf(Dictionary<string, byte[]> files, NoteSigner signer)
    {
        SignedNote.TryOpen(Encoding.UTF8.GetString(files["log/checkpoint"]), [signer.Verifier], out var opened, out _);
        Vigie.Core.Ledger.Checkpoint.TryParse(opened!.Text, out var checkpoint, out _);
        return Convert.ToBase64String(checkpoint!.RootHash);
    }
}
