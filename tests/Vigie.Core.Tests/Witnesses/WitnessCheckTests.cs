using Vigie.Core.Ledger;
using Vigie.Core.Tests.Ledger;
using Vigie.Core.Witnesses;
using Xunit;

namespace Vigie.Core.Tests.Witnesses;

public sealed class WitnessCheckTests
{
    private const string Origin = "example.com/witnessed-log";
    private static readonly NoteSigner Log = NoteSigner.Generate(Origin);
    private static readonly MerkleTree Tree = TlogVectors.BuildTree(40);

    private readonly Dictionary<string, WitnessedLog> state = [];

    private static Dictionary<string, IReadOnlyList<NoteVerifier>> Logs => new() { [Origin] = [Log.Verifier] };

    private static string Note(long size, NoteSigner? signer = null, byte[]? root = null) =>
        (signer ?? Log).Sign(new Checkpoint(Origin, size, root ?? Tree.RootHash(size), []).ToBody());

    private WitnessVerdict Add(long old, long size, IReadOnlyList<byte[]>? proof = null, string? note = null)
    {
        var verdict = WitnessCheck.Evaluate(
            new AddCheckpointRequest(old, proof ?? (old == 0 || old == size ? [] : Tree.ConsistencyProof(old, size)), note ?? Note(size)),
            Logs, origin => state.GetValueOrDefault(origin));
        if (verdict.Accepted is { } accepted)
        {
            state[accepted.Origin] = accepted;
        }

        return verdict;
    }

    [Fact]
    public void FirstCheckpoint_WithOldZero_IsCosigned_ThenExtensionsWithProofs()
    {
        var first = Add(0, 10);
        Assert.Equal(WitnessOutcome.Cosign, first.Outcome);
        Assert.Equal(200, first.HttpStatus);
        Assert.Equal(new Checkpoint(Origin, 10, Tree.RootHash(10), []).ToBody(), first.Text);

        Assert.Equal(WitnessOutcome.Cosign, Add(10, 25).Outcome);
        Assert.Equal(WitnessOutcome.Cosign, Add(25, 25).Outcome);
        Assert.Equal(25, state[Origin].Size);
    }

    [Fact]
    public void OldSizeNotTheOneHeld_IsConflict_WithTheHeldSize()
    {
        Add(0, 10);
        var stale = Add(0, 20);
        Assert.Equal(WitnessOutcome.Conflict, stale.Outcome);
        Assert.Equal(409, stale.HttpStatus);
        Assert.Equal(10, stale.KnownSize);

        var ahead = Add(15, 20);
        Assert.Equal(10, ahead.KnownSize);
        Assert.Equal(10, state[Origin].Size);
    }

    [Fact]
    public void Rollback_OldAboveNew_IsBadRequest()
    {
        Add(0, 10);
        var verdict = Add(10, 5, proof: []);
        Assert.Equal(WitnessOutcome.BadRequest, verdict.Outcome);
        Assert.Equal(400, verdict.HttpStatus);
    }

    [Fact]
    public void ForkedHistory_IsRefused_BadProofOrConflict_AndNothingChanges()
    {
        Add(0, 10);
        var forked = TlogVectors.BuildTree(9);
        forked.Append(MerkleHash.Leaf("another leaf 9"u8));
        for (var i = 10; i < 20; i++)
        {
            forked.Append(Tree.LeafHash(i));
        }

        // A proof computed in the forked tree cannot join what the witness holds.
        var bad = Add(10, 20, forked.ConsistencyProof(10, 20), Note(20, root: forked.RootHash(20)));
        Assert.Equal(WitnessOutcome.BadProof, bad.Outcome);
        Assert.Equal(422, bad.HttpStatus);

        // The same size with another root is a conflict.
        var same = Add(10, 10, [], Note(10, root: forked.RootHash(10)));
        Assert.Equal(WitnessOutcome.Conflict, same.Outcome);
        Assert.Equal(10, state[Origin].Size);
        Assert.Equal(Tree.RootHash(10), state[Origin].RootHash);
    }

    [Fact]
    public void WrongProofLength_OrNonEmptyProofFromZero_IsBadProof()
    {
        Assert.Equal(WitnessOutcome.BadProof, Add(0, 10, proof: [Tree.RootHash(3)]).Outcome);
        Add(0, 10);
        Assert.Equal(WitnessOutcome.BadProof, Add(10, 20, proof: Tree.ConsistencyProof(10, 20)[1..]).Outcome);
    }

    [Fact]
    public void UnknownOrigin_Is404_AndAnUntrustedSignature_Is403()
    {
        var stranger = NoteSigner.Generate("example.com/other-log");
        var unknown = WitnessCheck.Evaluate(
            new AddCheckpointRequest(0, [], stranger.Sign(new Checkpoint("example.com/other-log", 1, Tree.RootHash(1), []).ToBody())),
            Logs, _ => null);
        Assert.Equal(404, unknown.HttpStatus);

        var impostor = NoteSigner.Generate(Origin);
        Assert.Equal(403, Add(0, 10, note: Note(10, impostor)).HttpStatus);
        Assert.Empty(state);
    }

    [Fact]
    public void MalformedCheckpoint_IsBadRequest()
    {
        var verdict = WitnessCheck.Evaluate(new AddCheckpointRequest(0, [], "not a note"), Logs, _ => null);
        Assert.Equal(WitnessOutcome.BadRequest, verdict.Outcome);
    }
}
