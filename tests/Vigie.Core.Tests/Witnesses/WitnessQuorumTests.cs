using Vigie.Core.Ledger;
using Vigie.Core.Witnesses;
using Xunit;

namespace Vigie.Core.Tests.Witnesses;

public sealed class WitnessQuorumTests
{
    private static readonly NoteSigner Log = NoteSigner.Generate("example.com/quorum-log");
    private static readonly string Text = new Checkpoint("example.com/quorum-log", 3, new byte[32], []).ToBody();

    private static IReadOnlyList<NoteSignature> Unverified(string note)
    {
        Assert.True(SignedNote.TryOpen(note, [Log.Verifier], out var opened, out var error), error);
        return opened!.Unverified;
    }

    [Fact]
    public void CosignaturesAppendedToTheNote_AreFound_UnknownOnesIgnored()
    {
        var a = Cosigner.Generate("w.example/a");
        var b = Cosigner.Generate("w.example/b");
        var stranger = Cosigner.Generate("w.example/stranger");
        var time = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var note = Log.Sign(Text) + a.Cosign(Text, time).ToLine() + stranger.Cosign(Text, time).ToLine();

        var result = WitnessQuorum.Check(Text, Unverified(note), [a.Verifier, b.Verifier], 1);
        Assert.True(result.Satisfied, result.Summary);
        Assert.Equal(["w.example/a"], result.Cosigned.Select(c => c.Name));
        Assert.Equal(["w.example/b"], result.Missing);

        var both = WitnessQuorum.Check(Text, Unverified(note), [a.Verifier, b.Verifier], 2);
        Assert.False(both.Satisfied);
        Assert.Contains("w.example/b", both.Summary);
    }

    [Fact]
    public void ACosignatureOverAnotherCheckpoint_FailsTheCheck()
    {
        var a = Cosigner.Generate("w.example/a");
        var other = new Checkpoint("example.com/quorum-log", 4, new byte[32], []).ToBody();
        var note = Log.Sign(Text) + a.Cosign(other, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)).ToLine();
        var result = WitnessQuorum.Check(Text, Unverified(note), [a.Verifier], 1);
        Assert.False(result.Satisfied);
        Assert.Contains("does not verify", result.Error);
    }
}
