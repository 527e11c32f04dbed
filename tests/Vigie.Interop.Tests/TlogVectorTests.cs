using System.Text;
using System.Text.Json;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Interop.Tests;

/// <summary>Vigie's ledger against the vectors Go's x/mod/sumdb computed, read from the shared folder.</summary>
public sealed class TlogVectorTests
{
    [Fact]
    public void Roots_MatchGoTlog_ForEverySize()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(RealWorld.PathOf("tlog-vectors/merkle.json")));
        var roots = doc.RootElement.GetProperty("roots");
        var largest = roots.EnumerateObject().Max(p => long.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture));
        var tree = new MerkleTree();
        for (var i = 0; i < largest; i++)
        {
            tree.Append(MerkleHash.Leaf(Encoding.ASCII.GetBytes($"leaf-{i}")));
        }

        foreach (var root in roots.EnumerateObject())
        {
            var size = long.Parse(root.Name, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(root.Value.GetString(), Convert.ToBase64String(tree.RootHash(size)));
        }
    }

    [Fact]
    public void SignedCheckpoint_IsReproducedByteForByte_AndVerifies()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(RealWorld.PathOf("tlog-vectors/notes.json")));
        var v = doc.RootElement;
        Assert.True(NoteSigner.TryParse(v.GetProperty("signerKey").GetString()!, out var signer, out var error), error);
        Assert.Equal(v.GetProperty("verifierKey").GetString(), signer!.Verifier.VerifierKey);
        var signed = signer.Sign(v.GetProperty("checkpointBody").GetString()!);
        Assert.Equal(v.GetProperty("checkpointSigned").GetString(), signed);

        Assert.True(NoteVerifier.TryParse(v.GetProperty("verifierKey").GetString()!, out var verifier, out _));
        Assert.True(SignedNote.TryOpen(signed, [verifier!], out var opened, out var openError), openError);
        Assert.True(Checkpoint.TryParse(opened!.Text, out var checkpoint, out _));
        Assert.Equal(1100, checkpoint!.Size);
    }
}
