using Vigie.Core.Governance;
using Xunit;

namespace Vigie.Core.Tests.Governance;

/// <summary>Sign-offs stop counting when the evidence changes or their signer is recused.</summary>
public sealed class EvidenceAndRecusalTests
{
    private const string NewEvidence = "1111222233334444555566667777888899990000aaaabbbbccccddddeeeeffff";

    private static Scenario DeployExternal() => new(Presets.Load(Presets.Preparedness), DecisionTypes.DeployExternal);

    [Fact]
    public void EvidenceChange_MakesEverySignOffStale_AndTheDecisionStartsOver()
    {
        var s = DeployExternal();
        s.Approve("ada", "advisory-group");
        s.Approve("bea", "advisory-group");
        Assert.Equal(1, s.Progress.CurrentStage);
        var change = s.NextEntry;

        s.Do(new ChangeEvidence(change, Scenario.Evidence, NewEvidence));

        Assert.Equal(NewEvidence, s.State.SnapshotDigest);
        Assert.All(s.State.SignOffs, o => Assert.Equal(SignOffStatus.Stale, o.Status));
        Assert.All(s.State.SignOffs, o => Assert.Contains($"the evidence changed at log entry {change}", o.StatusReason, StringComparison.Ordinal));
        Assert.Equal(0, s.Progress.CurrentStage);
        Assert.Equal(0, s.Progress.Stages[0].Approvals);
    }

    [Fact]
    public void AfterAnEvidenceChange_OldDigestIsRefused_AndTheSameSignersSignAgain()
    {
        var s = DeployExternal();
        s.Approve("ada", "advisory-group");
        s.Do(new ChangeEvidence(s.NextEntry, Scenario.Evidence, NewEvidence));

        var refusal = s.Refused(s.Sign("ada", "advisory-group", digest: Scenario.Evidence), RefusalKind.StaleEvidence);
        Assert.Contains("it changed at log entry", refusal.Message, StringComparison.Ordinal);

        s.Approve("ada", "advisory-group");
        s.Approve("bea", "advisory-group");
        s.Approve("eve", "executive");
        s.CloseIfReady();

        Assert.Equal(DecisionStatus.Approved, s.State.Status);
        Assert.Equal(4, s.State.SignOffs.Count);
        Assert.Equal(3, s.State.SignOffs.Count(o => o.Counts && o.SnapshotDigest == NewEvidence));
    }

    [Fact]
    public void EvidenceChange_FromTheWrongDigest_OrToTheSame_OrWhenClosed_IsRefused()
    {
        var s = DeployExternal();
        s.Refused(new ChangeEvidence(s.NextEntry, NewEvidence, new string('9', 64)), RefusalKind.Conflict);
        s.Refused(new ChangeEvidence(s.NextEntry, Scenario.Evidence, Scenario.Evidence), RefusalKind.Conflict);

        var closed = new Scenario(Presets.Load(Presets.Preparedness), DecisionTypes.AliasMove);
        closed.Approve("eve", "executive");
        closed.CloseIfReady();
        Assert.Contains("keeps the evidence it was decided on",
            closed.Refused(new ChangeEvidence(closed.NextEntry, Scenario.Evidence, NewEvidence), RefusalKind.Closed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelfRecusal_IsAlwaysAllowed_AndBlocksSigning()
    {
        var s = DeployExternal();
        s.Do(new RecuseFromDecision(s.NextEntry, "ada", ["advisory-group"], "ada", "I led the team that trained model-x."));

        var refusal = s.Refused(s.Sign("ada", "advisory-group"), RefusalKind.Recused);

        Assert.Contains("I led the team that trained model-x.", refusal.Message, StringComparison.Ordinal);
        s.Refused(new RecuseFromDecision(s.NextEntry, "ada", ["advisory-group"], "ada", "again"), RefusalKind.Conflict);
    }

    [Fact]
    public void RecusingSomeoneElse_NeedsARoleTheCharterNames()
    {
        var s = DeployExternal();

        var refusal = s.Refused(new RecuseFromDecision(s.NextEntry, "max", ["member", "executive"], "ada", "conflict"), RefusalKind.NotPermitted);
        Assert.Contains("needs board", refusal.Message, StringComparison.Ordinal);

        s.Do(new RecuseFromDecision(s.NextEntry, "bo", ["board"], "ada", "holds equity in the customer"));
        Assert.Equal("bo", s.State.RecusalOf("ada")!.By);
    }

    [Fact]
    public void RecusalAfterSigning_WithdrawsTheSignOff_AndStalesLaterStages()
    {
        // a board member finds bea conflicted after she signed
        var fresh = DeployExternal();
        fresh.Approve("ada", "advisory-group");
        fresh.Approve("bea", "advisory-group");
        fresh.Do(new RecuseFromDecision(fresh.NextEntry, "bo", ["board"], "bea", "consults for the customer"));

        Assert.Equal(SignOffStatus.Withdrawn, fresh.State.SignOffs.Single(o => o.Signer == "bea").Status);
        Assert.Equal(0, fresh.Progress.CurrentStage);
        Assert.Equal(1, fresh.Progress.Stages[0].Approvals);
        fresh.Refused(fresh.Sign("eve", "executive"), RefusalKind.OutOfOrder);
    }

    [Fact]
    public void RecusalThatBreaksAnEarlierQuorum_MakesLaterSignOffsStale()
    {
        var s = new Scenario(Presets.Load(Presets.Preparedness), DecisionTypes.FrameworkChange, system: null, version: null);
        s.Approve("ada", "advisory-group");
        s.Approve("bea", "advisory-group");
        s.Approve("eve", "executive");
        s.Approve("b1", "board");

        s.Do(new RecuseFromDecision(s.NextEntry, "bea", ["advisory-group"], "bea", "I co-wrote the framework being changed."));

        Assert.Equal(0, s.Progress.CurrentStage);
        Assert.Equal(SignOffStatus.Stale, s.State.SignOffs.Single(o => o.Signer == "eve").Status);
        Assert.Equal(SignOffStatus.Stale, s.State.SignOffs.Single(o => o.Signer == "b1").Status);
        Assert.Contains("no longer has its quorum", s.State.SignOffs.Single(o => o.Signer == "b1").StatusReason, StringComparison.Ordinal);
        Assert.True(s.State.SignOffs.Single(o => o.Signer == "ada").Counts);
    }

    [Fact]
    public void OpenerRecusal_CanBeTurnedOff_ByTheCharter()
    {
        var text = CharterReaderTests.Minimal().Replace("decisions:\n", "conflict-of-interest: { opener-recused: false }\ndecisions:\n", StringComparison.Ordinal);
        var s = new Scenario(CharterReader.Read(text).Charter!, DecisionTypes.Train, opener: "eve");

        s.Approve("eve", "executive");

        Assert.DoesNotContain(s.State.Recusals, r => r.Person == "eve");
        Assert.True(s.State.SignOffs.Single().Counts);
    }

    [Fact]
    public void Recusal_OnAClosedDecision_OrWithoutAReason_IsRefused()
    {
        var s = DeployExternal();
        s.Refused(new RecuseFromDecision(s.NextEntry, "ada", [], "ada", " "), RefusalKind.Invalid);

        var closed = new Scenario(Presets.Load(Presets.Preparedness), DecisionTypes.AliasMove);
        closed.Approve("eve", "executive");
        closed.CloseIfReady();
        closed.Refused(new RecuseFromDecision(closed.NextEntry, "ada", [], "ada", "late"), RefusalKind.Closed);
    }
}
