using System.Text;
using System.Text.Json;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Core.Tests.Ledger;

/// <summary>Known answers from Go's golang.org/x/mod/sumdb/tlog and note (tests/…/Vectors).</summary>
internal static class TlogVectors
{
    public const int TreeSize = 1100;

    private static readonly Lazy<JsonElement> MerkleJson = new(() => Load("merkle.json"));
    private static readonly Lazy<JsonElement> NotesJson = new(() => Load("notes.json"));
    private static readonly Lazy<MerkleTree> SharedTree = new(() => BuildTree(TreeSize));

    public static JsonElement Merkle => MerkleJson.Value;

    /// <summary>The 1100-leaf tree of the vectors; read-only use only.</summary>
    public static MerkleTree Tree => SharedTree.Value;

    public static string Note(string name) => NotesJson.Value.GetProperty(name).GetString()!;

    public static byte[] LeafEntry(long i) => Encoding.ASCII.GetBytes($"leaf-{i}");

    public static MerkleTree BuildTree(long size)
    {
        var tree = new MerkleTree();
        for (long i = 0; i < size; i++)
        {
            tree.Append(MerkleHash.Leaf(LeafEntry(i)));
        }

        return tree;
    }

    public static byte[] B64(JsonElement e) => Convert.FromBase64String(e.GetString()!);

    public static byte[][] Hashes(JsonElement e) => [.. e.EnumerateArray().Select(B64)];

    public static IEnumerable<(long Size, byte[] Root)> Roots() =>
        Merkle.GetProperty("roots").EnumerateObject().Select(p => (long.Parse(p.Name), B64(p.Value)));

    public static IEnumerable<(long Index, long Size, byte[] Leaf, byte[][] Proof)> Inclusions() =>
        Merkle.GetProperty("inclusion").EnumerateArray().Select(c => (
            c.GetProperty("index").GetInt64(), c.GetProperty("size").GetInt64(),
            B64(c.GetProperty("leafHash")), Hashes(c.GetProperty("hashes"))));

    public static IEnumerable<(long From, long To, byte[][] Proof)> Consistencies() =>
        Merkle.GetProperty("consistency").EnumerateArray().Select(c => (
            c.GetProperty("from").GetInt64(), c.GetProperty("to").GetInt64(), Hashes(c.GetProperty("hashes"))));

    private static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", file))).RootElement;
}
