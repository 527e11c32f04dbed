using System.Text;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Core.Tests.Ledger;

/// <summary>
/// Seeded randomized tests: parsers and verifiers get random and mutated inputs. None may throw,
/// and none may accept a mutated valid input unless it is the canonical form of what it parsed.
/// </summary>
public sealed class LedgerFuzzTests
{
    private const int Seed = 20261127;
    private const int Iterations = 10_000;
    private const string Alphabet = "tile/entrisx.p0123456789+=AZaz \n\t\u2014-_";

    [Fact]
    public void TilePathTryParse_NeverThrows_AndAcceptsOnlyCanonicalPaths()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Iterations; i++)
        {
            var valid = TilePath.Format(RandomTile(random));
            var input = random.Next(4) == 0 ? RandomString(random, 30) : Mutate(random, valid);
            if (TilePath.TryParse(input, out var tile, out var error))
            {
                Assert.Equal(input, TilePath.Format(tile));
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error));
            }
        }
    }

    [Fact]
    public void EntryBundleTryDecode_NeverThrows_AndAcceptsOnlyExactEncodings()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Iterations; i++)
        {
            var entries = Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomBytes(random, random.Next(0, 40))).ToList();
            var valid = EntryBundle.Encode(entries);
            var input = random.Next(4) == 0 ? RandomBytes(random, random.Next(0, 64)) : MutateBytes(random, valid);
            if (EntryBundle.TryDecode(input, out var decoded, out _))
            {
                Assert.Equal(input, EntryBundle.Encode(decoded));
            }
            else
            {
                Assert.Empty(decoded);
            }
        }
    }

    [Fact]
    public void CheckpointTryParse_NeverThrows_AndAcceptsOnlyCanonicalBodies()
    {
        var random = new Random(Seed);
        var body = TlogVectors.Note("checkpointBody");
        for (var i = 0; i < Iterations; i++)
        {
            var input = random.Next(4) == 0 ? RandomString(random, 60) : Mutate(random, body);
            if (Checkpoint.TryParse(input, out var checkpoint, out _))
            {
                Assert.Equal(input, checkpoint!.ToBody());
            }
        }
    }

    [Fact]
    public void SignedNoteTryOpen_NeverThrows_AndNeverAcceptsAMutatedNote()
    {
        var random = new Random(Seed);
        Assert.True(NoteVerifier.TryParse(TlogVectors.Note("verifierKey"), out var verifier, out _));
        NoteVerifier[] known = [verifier!];
        var notes = new[] { TlogVectors.Note("checkpointSigned"), TlogVectors.Note("textSigned") };
        for (var i = 0; i < Iterations; i++)
        {
            var original = notes[random.Next(notes.Length)];
            var input = random.Next(8) == 0 ? RandomString(random, 80) : Mutate(random, original);
            Assert.False(SignedNote.TryOpen(input, known, out var opened, out var error), $"accepted: {input}");
            Assert.Null(opened);
            Assert.False(string.IsNullOrEmpty(error));
        }

        Assert.True(SignedNote.TryOpen(notes[0], known, out _, out _));
    }

    [Fact]
    public void NoteVerifierTryParse_NeverThrows_AndAcceptsOnlyTheSameKey()
    {
        var random = new Random(Seed);
        var key = TlogVectors.Note("verifierKey");
        for (var i = 0; i < Iterations; i++)
        {
            var input = random.Next(4) == 0 ? RandomString(random, 50) : Mutate(random, key);
            if (NoteVerifier.TryParse(input, out var verifier, out _))
            {
                // Only the key id's hex case may differ; we always write it lowercase.
                Assert.Equal(key, verifier!.VerifierKey);
                Assert.Equal(key, input, ignoreCase: true);
            }
        }
    }

    [Fact]
    public void MerkleProofVerify_NeverThrows_AndRejectsEveryMutatedProof()
    {
        var random = new Random(Seed);

        // Mutated sizes reach up to 1103, and each claimed size is checked with that size's own
        // root: a signed checkpoint binds the two. (With another size's root a proof can verify
        // when the two trees share their shape; RFC 9162 verifiers cannot and need not detect that.)
        var tree = TlogVectors.BuildTree(1110);
        for (var i = 0; i < Iterations; i++)
        {
            var size = random.NextInt64(1, 1101);
            var index = random.NextInt64(0, size);
            var proof = tree.InclusionProof(index, size);
            var (badIndex, badSize, badProof) = MutateProof(random, index, size, proof, allowZero: true);
            var root = badSize > 0 ? tree.RootHash(badSize) : tree.RootHash(size);
            if (badIndex != index || badSize != size || !SameProof(badProof, proof))
            {
                Assert.False(MerkleProof.VerifyInclusion(badIndex, badSize, tree.LeafHash(index), badProof, root).IsValid);
            }

            var size1 = random.NextInt64(1, size + 1);
            var consistency = tree.ConsistencyProof(size1, size);
            var (bad1, bad2, badConsistency) = MutateProof(random, size1, size, consistency, allowZero: false);
            var root1 = bad1 > 0 ? tree.RootHash(bad1) : tree.RootHash(size1);
            var root2 = bad2 > 0 ? tree.RootHash(bad2) : tree.RootHash(size);
            var unchanged = bad1 == size1 && bad2 == size && SameProof(badConsistency, consistency);
            var check = MerkleProof.VerifyConsistency(bad1, bad2, badConsistency, root1, root2);
            Assert.True(unchanged == check.IsValid, $"{size1}->{size} mutated to {bad1}->{bad2}, {badConsistency.Length} hashes: {check.Error}");
        }
    }

    private static (long A, long B, byte[][] Proof) MutateProof(Random random, long a, long b, byte[][] proof, bool allowZero)
    {
        var copy = proof.Select(h => (byte[])h.Clone()).ToList();
        switch (random.Next(8))
        {
            case 0 when copy.Count > 0:
                copy[random.Next(copy.Count)][random.Next(32)] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                copy.Insert(random.Next(copy.Count + 1), RandomBytes(random, 32));
                break;
            case 2 when copy.Count > 0:
                copy.RemoveAt(random.Next(copy.Count));
                break;
            case 3 when copy.Count > 0:
                copy[random.Next(copy.Count)] = RandomBytes(random, random.Next(0, 64));
                break;
            case 4:
                a += random.Next(-3, 4);
                break;
            case 5:
                b += random.Next(-3, 4);
                break;
            case 6:
                (a, b) = random.Next(3) switch
                {
                    0 => (-a, b),
                    1 => (a, -b),
                    _ => (b + (allowZero ? 0 : 1), a),
                };
                break;
            default:
                if (copy.Count > 1)
                {
                    var (x, y) = (random.Next(copy.Count), random.Next(copy.Count));
                    (copy[x], copy[y]) = (copy[y], copy[x]);
                }

                break;
        }

        return (a, b, [.. copy]);
    }

    private static bool SameProof(byte[][] x, byte[][] y) =>
        x.Length == y.Length && x.Zip(y).All(p => p.First.AsSpan().SequenceEqual(p.Second));

    private static TileRef RandomTile(Random random) => random.Next(2) == 0
        ? new TileRef(TileKind.Hash, random.Next(0, 64), random.NextInt64(0, 10_000_000), random.Next(2) == 0 ? 256 : random.Next(1, 256))
        : new TileRef(TileKind.Entries, 0, random.NextInt64(0, 10_000_000), random.Next(2) == 0 ? 256 : random.Next(1, 256));

    /// <summary>One to three edits (replace, insert, delete), each guaranteed to change the string.</summary>
    private static string Mutate(Random random, string text)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var position = random.Next(builder.Length + 1);
            var c = Alphabet[random.Next(Alphabet.Length)];
            switch (random.Next(3))
            {
                case 0 when position < builder.Length && builder[position] != c:
                    builder[position] = c;
                    break;
                case 1 when position < builder.Length && builder.Length > 1:
                    builder.Remove(position, 1);
                    break;
                default:
                    builder.Insert(position, c);
                    break;
            }
        }

        var result = builder.ToString();
        return result == text ? text + Alphabet[random.Next(Alphabet.Length)] : result;
    }

    private static byte[] MutateBytes(Random random, byte[] bytes)
    {
        var list = bytes.ToList();
        switch (random.Next(3))
        {
            case 0 when list.Count > 0:
                list[random.Next(list.Count)] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when list.Count > 0:
                list.RemoveAt(random.Next(list.Count));
                break;
            default:
                list.Insert(random.Next(list.Count + 1), (byte)random.Next(256));
                break;
        }

        return [.. list];
    }

    private static string RandomString(Random random, int maxLength) =>
        new([.. Enumerable.Range(0, random.Next(0, maxLength)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
