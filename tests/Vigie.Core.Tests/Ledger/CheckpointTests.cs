using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Core.Tests.Ledger;

public sealed class CheckpointTests
{
    private static readonly string Body = TlogVectors.Note("checkpointBody");

    [Fact]
    public void TryParse_ReadsGoCheckpointBody_AndToBodyRoundTrips()
    {
        Assert.True(Checkpoint.TryParse(Body, out var checkpoint, out var error), error);
        Assert.Equal("example.com/vigie-test-log", checkpoint!.Origin);
        Assert.Equal(1100, checkpoint.Size);
        Assert.Equal(TlogVectors.Tree.RootHash(1100), checkpoint.RootHash);
        Assert.Empty(checkpoint.Extensions);
        Assert.Equal(Body, checkpoint.ToBody());
    }

    [Fact]
    public void ToBody_WritesExtensionLines_AndTryParseReadsThemBack()
    {
        var checkpoint = new Checkpoint("vigie.example/log", 0, MerkleHash.EmptyRoot, ["ext one", "— two"]);
        var body = checkpoint.ToBody();
        Assert.Equal($"vigie.example/log\n0\n{Convert.ToBase64String(MerkleHash.EmptyRoot)}\next one\n— two\n", body);
        Assert.True(Checkpoint.TryParse(body, out var parsed, out var error), error);
        Assert.Equal(checkpoint, parsed);
    }

    [Fact]
    public void ToBody_Throws_ForACheckpointThatCannotBeWritten()
    {
        var root = MerkleHash.EmptyRoot;
        Assert.Throws<InvalidOperationException>(() => new Checkpoint("", 1, root, []).ToBody());
        Assert.Throws<InvalidOperationException>(() => new Checkpoint("a\nb", 1, root, []).ToBody());
        Assert.Throws<InvalidOperationException>(() => new Checkpoint("o", -1, root, []).ToBody());
        Assert.Throws<InvalidOperationException>(() => new Checkpoint("o", 1, root[..31], []).ToBody());
        Assert.Throws<InvalidOperationException>(() => new Checkpoint("o", 1, root, [""]).ToBody());
        Assert.Throws<InvalidOperationException>(() => new Checkpoint("o", 1, root, ["a\nb"]).ToBody());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("example.com/log\n1100\n")]
    [InlineData("example.com/log\n1100\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=")]
    [InlineData("\n1100\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=\n")]
    [InlineData("example.com/log\n01100\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=\n")]
    [InlineData("example.com/log\n+1100\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=\n")]
    [InlineData("example.com/log\n-1\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=\n")]
    [InlineData("example.com/log\n1100 \n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=\n")]
    [InlineData("example.com/log\n1e3\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=\n")]
    [InlineData("example.com/log\n\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=\n")]
    [InlineData("example.com/log\n9223372036854775808\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=\n")]
    [InlineData("example.com/log\n１１００\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=\n")]
    [InlineData("example.com/log\n1100\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQ=\n")]
    [InlineData("example.com/log\n1100\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA\n")]
    [InlineData("example.com/log\n1100\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQB=\n")]
    [InlineData("example.com/log\n1100\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=AAAA\n")]
    [InlineData("example.com/log\n1100\n 4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=\n")]
    [InlineData("example.com/log\n1100\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=\n\n")]
    [InlineData("example.com/log\n1100\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=\next\n\n")]
    [InlineData("example.com/log\r\n1100\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=\n")]
    [InlineData("exa\tmple.com/log\n1100\n4S8zTqUwYOGyuTVjo3KnQIhyLtwpdJJ6JHzlMCBLeQA=\n")]
    public void TryParse_RejectsBadBodies_WithAnError(string body)
    {
        Assert.False(Checkpoint.TryParse(body, out var checkpoint, out var error));
        Assert.Null(checkpoint);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryParse_AcceptsSizeZeroAndTheLargestSize()
    {
        var root = Convert.ToBase64String(MerkleHash.EmptyRoot);
        Assert.True(Checkpoint.TryParse($"o\n0\n{root}\n", out var zero, out _));
        Assert.Equal(0, zero!.Size);
        Assert.True(Checkpoint.TryParse($"o\n{long.MaxValue}\n{root}\n", out var max, out _));
        Assert.Equal(long.MaxValue, max!.Size);
    }

    [Fact]
    public void SignedCheckpoint_OpensAndParses_ToTheTreeItDescribes()
    {
        Assert.True(SignedNote.TryOpen(TlogVectors.Note("checkpointSigned"), [VerifierOf("verifierKey")], out var note, out var error), error);
        Assert.True(Checkpoint.TryParse(note!.Text, out var checkpoint, out error), error);
        Assert.Equal(TlogVectors.Tree.RootHash(checkpoint!.Size), checkpoint.RootHash);
    }

    private static NoteVerifier VerifierOf(string name)
    {
        Assert.True(NoteVerifier.TryParse(TlogVectors.Note(name), out var verifier, out var error), error);
        return verifier!;
    }
}
