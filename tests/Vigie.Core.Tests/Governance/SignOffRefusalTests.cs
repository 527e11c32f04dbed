using Vigie.Core.Governance;
using Xunit;

namespace Vigie.Core.Tests.Governance;

/// <summary>Each way a sign-off is refused, with a message that says what to do instead.</summary>
public sealed class SignOffRefusalTests
{
    private static Scenario DeployExternal(string preset = Presets.Preparedness) =>
        new(Presets.Load(preset), DecisionTypes.DeployExternal);

    [Fact]
    public void SignerWithoutAStageRole_IsNotPermitted_AndToldWhichRolesSign()
    {
        var s = DeployExternal();

        var refusal = s.Refused(s.Sign("max", "member"), RefusalKind.NotPermitted);

        Assert.Contains("advisory-group (stage 'safety-advisory-group'), executive (stage 'leadership')", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("max has member", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LaterStageBeforeEarlierQuorum_IsOutOfOrder_WithTheCountSoFar()
    {
        var s = DeployExternal();
        s.Approve("ada", "advisory-group");

        var refusal = s.Refused(s.Sign("eve", "executive"), RefusalKind.OutOfOrder);

        Assert.Equal(
            "Stage 'leadership' (executive) signs only after stage 'safety-advisory-group' (advisory-group) reaches its quorum of 2 of 3; " +
            "it has 1 approval(s) so far. Wait for it.", refusal.Message);
    }

    [Fact]
    public void SigningACompletedStage_IsOutOfOrder()
    {
        var s = DeployExternal();
        s.Approve("ada", "advisory-group");
        s.Approve("bea", "advisory-group");

        var refusal = s.Refused(s.Sign("cal", "advisory-group"), RefusalKind.OutOfOrder);

        Assert.Contains("Stage 'safety-advisory-group' (advisory-group) is complete: it recommended approval (2 of 3)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SigningTwice_IsRefused_NamingTheFirstEntry()
    {
        var s = DeployExternal();
        var first = s.NextEntry;
        s.Approve("ada", "advisory-group");

        var refusal = s.Refused(s.Sign("ada", "advisory-group"), RefusalKind.AlreadySigned);

        Assert.Contains($"log entry {first}", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnePersonHoldingTwoStageRoles_SignsOnce()
    {
        var s = DeployExternal();
        s.Do(new SignDecision(s.NextEntry, "ada", ["advisory-group", "executive"], Verdict.Approve, null, null, null, s.State.SnapshotDigest));
        s.Approve("bea", "advisory-group");

        s.Refused(new SignDecision(s.NextEntry, "ada", ["advisory-group", "executive"], Verdict.Approve, null, null, null, s.State.SnapshotDigest),
            RefusalKind.AlreadySigned);
    }

    [Fact]
    public void TheOpener_IsRecused_ByTheCharter()
    {
        var s = DeployExternal();

        var refusal = s.Refused(s.Sign("olga", "advisory-group"), RefusalKind.Recused);

        Assert.Contains("olga is recused from dec-100 (opened the decision", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SigningAClosedDecision_IsRefused_AndPointsToDissent()
    {
        var s = new Scenario(Presets.Load(Presets.Preparedness), DecisionTypes.AliasMove);
        s.Approve("eve", "executive");
        s.CloseIfReady();

        var refusal = s.Refused(s.Sign("ed", "executive"), RefusalKind.Closed);

        Assert.Contains("is closed (approved", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("record a dissent", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SigningOnAnOldSnapshot_IsStaleEvidence()
    {
        var s = DeployExternal();

        var refusal = s.Refused(s.Sign("ada", "advisory-group", digest: new string('0', 64)), RefusalKind.StaleEvidence);

        Assert.Contains("Review the current evidence and sign again", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GoingAgainstTheRecommendation_NeedsAJustification()
    {
        var s = DeployExternal();
        s.Do(s.Sign("ada", "advisory-group", Verdict.Reject));
        s.Do(s.Sign("bea", "advisory-group", Verdict.Reject));
        Assert.Equal(StageResult.Failed, s.Progress.Stages[0].Result);

        var refusal = s.Refused(s.Sign("eve", "executive"), RefusalKind.JustificationRequired);
        Assert.Contains("was to reject", refusal.Message, StringComparison.Ordinal);

        s.Do(s.Sign("eve", "executive", justification: "The rejection rested on an eval since re-run with a passing result."));
        s.CloseIfReady();
        Assert.Equal(DecisionStatus.Approved, s.State.Status);
        Assert.Equal("The rejection rested on an eval since re-run with a passing result.", s.State.SignOffs[^1].Justification);
    }

    [Fact]
    public void FollowingTheRecommendation_NeedsNoJustification()
    {
        var s = DeployExternal();
        s.Do(s.Sign("ada", "advisory-group", Verdict.Reject));
        s.Do(s.Sign("bea", "advisory-group", Verdict.Reject));

        s.Do(s.Sign("eve", "executive", Verdict.Reject));
        s.CloseIfReady();

        Assert.Equal(DecisionStatus.Rejected, s.State.Status);
    }

    [Theory]
    [InlineData(Verdict.ApproveWithConditions, null, "needs the conditions written out")]
    [InlineData(Verdict.ApproveWithConditions, "  ", "needs the conditions written out")]
    [InlineData(Verdict.Approve, "only on Tuesdays", "Conditions belong to an approval with conditions")]
    [InlineData(Verdict.Reject, "only on Tuesdays", "Conditions belong to an approval with conditions")]
    public void VerdictAndConditions_MustAgree(Verdict verdict, string? conditions, string expected)
    {
        var s = DeployExternal();

        var refusal = s.Refused(s.Sign("ada", "advisory-group", verdict, conditions: conditions), RefusalKind.Invalid);

        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignOffForAStageTheDecisionLeft_IsOutOfOrder()
    {
        var s = DeployExternal();
        s.Approve("ada", "advisory-group");
        s.Approve("bea", "advisory-group");

        var refusal = s.Refused(s.Sign("eve", "executive", stage: "safety-advisory-group"), RefusalKind.OutOfOrder);

        Assert.Contains("now at stage 'leadership'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApproveStageThatCannotReachQuorum_RejectsTheDecision()
    {
        var s = new Scenario(Presets.Load(Presets.Preparedness), DecisionTypes.CharterChange, proposedCharter: new string('c', 64), system: null, version: null);
        s.Approve("eve", "executive");
        s.Do(s.Sign("b1", "board", Verdict.Reject));
        Assert.Null(s.Progress.ReadyOutcome);

        s.Do(s.Sign("b2", "board", Verdict.Reject));

        Assert.Equal(DecisionStatus.Rejected, s.Progress.ReadyOutcome);
        Assert.Equal(StageResult.Failed, s.Progress.Stages[1].Result);
    }

    [Fact]
    public void Close_BeforeTheLastStage_OrWithTheWrongOutcome_IsRefused()
    {
        var s = DeployExternal();
        s.Approve("ada", "advisory-group");

        Assert.Contains("cannot close yet", s.Refused(new CloseDecision(s.NextEntry, DecisionStatus.Approved), RefusalKind.Conflict).Message, StringComparison.Ordinal);

        s.Approve("bea", "advisory-group");
        s.Approve("eve", "executive");
        Assert.Contains("closes as approved, not rejected",
            s.Refused(new CloseDecision(s.NextEntry, DecisionStatus.Rejected), RefusalKind.Conflict).Message, StringComparison.Ordinal);
    }
}
