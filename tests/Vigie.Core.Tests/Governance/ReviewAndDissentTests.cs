using Vigie.Core.Governance;
using Xunit;

namespace Vigie.Core.Tests.Governance;

/// <summary>Vetoes, board reversals at the edges of the review window, dissent, and what opening checks.</summary>
public sealed class ReviewAndDissentTests
{
    private static Scenario ApprovedDeployExternal()
    {
        var s = new Scenario(Presets.Load(Presets.Preparedness), DecisionTypes.DeployExternal);
        s.Approve("ada", "advisory-group");
        s.Approve("bea", "advisory-group");
        s.Approve("eve", "executive");
        s.CloseIfReady();
        Assert.Equal(DecisionStatus.Approved, s.State.Status);
        return s;
    }

    [Fact]
    public void Reversal_AtTheLastInstantOfTheWindow_IsAccepted()
    {
        var s = ApprovedDeployExternal();
        s.Now = s.State.ClosedAt!.Value.AddDays(30);

        s.Do(new ReverseDecision(s.NextEntry, "bo", ["board"], "New evidence of uplift."));

        Assert.Equal(DecisionStatus.Reversed, s.State.Status);
    }

    [Fact]
    public void Reversal_OneMillisecondAfterTheWindow_IsRefused_WithTheClosingTime()
    {
        var s = ApprovedDeployExternal();
        var closedAt = s.State.ClosedAt!.Value;
        s.Now = closedAt.AddDays(30).AddMilliseconds(1);

        var refusal = s.Refused(new ReverseDecision(s.NextEntry, "bo", ["board"], "Too late."), RefusalKind.WindowClosed);

        Assert.Contains($"closed at {closedAt.AddDays(30):yyyy-MM-dd HH:mm:ss} UTC (30 days after its approval)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reversal_NeedsTheReviewRole_AReason_AndNoRecusal()
    {
        var s = ApprovedDeployExternal();
        Assert.Contains("belongs to board", s.Refused(new ReverseDecision(s.NextEntry, "eve", ["executive"], "x"), RefusalKind.NotPermitted).Message, StringComparison.Ordinal);
        s.Refused(new ReverseDecision(s.NextEntry, "bo", ["board"], ""), RefusalKind.Invalid);

        var withRecusal = new Scenario(Presets.Load(Presets.Preparedness), DecisionTypes.AliasMove);
        withRecusal.Do(new RecuseFromDecision(withRecusal.NextEntry, "bo", ["board"], "bo", "I sit on the customer's board."));
        withRecusal.Approve("eve", "executive");
        withRecusal.CloseIfReady();
        withRecusal.Refused(new ReverseDecision(withRecusal.NextEntry, "bo", ["board"], "x"), RefusalKind.Recused);
    }

    [Fact]
    public void Reversal_OfAnOpenRejectedOrReversedDecision_IsRefused()
    {
        var open = new Scenario(Presets.Load(Presets.Preparedness), DecisionTypes.DeployExternal);
        Assert.Contains("still open", open.Refused(new ReverseDecision(open.NextEntry, "bo", ["board"], "x"), RefusalKind.Conflict).Message, StringComparison.Ordinal);

        var rejected = new Scenario(Presets.Load(Presets.Preparedness), DecisionTypes.AliasMove);
        rejected.Do(rejected.Sign("eve", "executive", Verdict.Reject));
        rejected.CloseIfReady();
        Assert.Contains("was rejected", rejected.Refused(new ReverseDecision(rejected.NextEntry, "bo", ["board"], "x"), RefusalKind.Conflict).Message, StringComparison.Ordinal);

        var reversed = ApprovedDeployExternal();
        reversed.Do(new ReverseDecision(reversed.NextEntry, "bo", ["board"], "first"));
        Assert.Contains("already reversed by bo", reversed.Refused(new ReverseDecision(reversed.NextEntry, "bob", ["board"], "second"), RefusalKind.Conflict).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reversal_WithoutAReviewWindowInTheCharter_IsNotPermitted()
    {
        var s = new Scenario(Presets.Load(Presets.Rsp), DecisionTypes.Train);
        s.Approve("rso", "safety-officer");
        s.Approve("eve", "executive");
        s.CloseIfReady();

        Assert.Contains("gives no review of train decisions",
            s.Refused(new ReverseDecision(s.NextEntry, "bo", ["board"], "x"), RefusalKind.NotPermitted).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Veto_NeedsAVetoRole_AReason_AndAnOpenDecision()
    {
        var preparedness = new Scenario(Presets.Load(Presets.Preparedness), DecisionTypes.DeployExternal);
        Assert.Contains("gives no one a veto", preparedness.Refused(new VetoDecision(preparedness.NextEntry, "bo", ["board"], "x"), RefusalKind.NotPermitted).Message, StringComparison.Ordinal);

        var rsp = new Scenario(Presets.Load(Presets.Rsp), DecisionTypes.DeployExternal);
        Assert.Contains("belongs to safety-officer", rsp.Refused(new VetoDecision(rsp.NextEntry, "eve", ["executive"], "x"), RefusalKind.NotPermitted).Message, StringComparison.Ordinal);
        rsp.Refused(new VetoDecision(rsp.NextEntry, "rso", ["safety-officer"], "  "), RefusalKind.Invalid);
    }

    [Fact]
    public void Dissent_IsTakenOnOpenClosedAndReversedDecisions_FromAnyone()
    {
        var s = new Scenario(Presets.Load(Presets.Preparedness), DecisionTypes.DeployExternal);
        s.Do(new DissentFromDecision(s.NextEntry, "max", "The red-team window was too short.", null));
        s.Approve("ada", "advisory-group");
        s.Approve("bea", "advisory-group");
        s.Approve("eve", "executive");
        s.CloseIfReady();
        s.Do(new DissentFromDecision(s.NextEntry, "olga", "I opened this and now regret it.", null));
        s.Do(new ReverseDecision(s.NextEntry, "bo", ["board"], "reason"));
        s.Do(new DissentFromDecision(s.NextEntry, "eve", "The reversal ignores the mitigations.", null));

        Assert.Equal(["max", "olga", "eve"], s.State.Dissents.Select(d => d.Author));
        Assert.All(s.State.Dissents, d => Assert.False(d.IsConfidential));
    }

    [Fact]
    public void ConfidentialDissent_NeedsAReason_AndItsStatementIsAttachedByItsAuthor()
    {
        var s = new Scenario(Presets.Load(Presets.Preparedness), DecisionTypes.DeployExternal);
        s.Refused(new DissentFromDecision(s.NextEntry, "max", null, null), RefusalKind.Invalid);
        s.Refused(new DissentFromDecision(s.NextEntry, "max", "text", "   "), RefusalKind.Invalid);
        s.Refused(new DissentFromDecision(s.NextEntry, "max", " ", null), RefusalKind.Invalid);

        var dissent = s.NextEntry;
        s.Do(new DissentFromDecision(dissent, "max", null, "It names a customer under NDA."));
        s.Refused(new AttachDissentStatement(s.NextEntry, dissent, "eve", "not mine"), RefusalKind.Conflict);
        s.Do(new AttachDissentStatement(s.NextEntry, dissent, "max", "Customer Z's use case was not evaluated."));
        s.Refused(new AttachDissentStatement(s.NextEntry, dissent, "max", "twice"), RefusalKind.Conflict);

        var recorded = Assert.Single(s.State.Dissents);
        Assert.True(recorded.IsConfidential);
        Assert.Equal("It names a customer under NDA.", recorded.ConfidentialReason);
        Assert.Equal("Customer Z's use case was not evaluated.", recorded.Statement);
    }

    [Theory]
    [InlineData("deploy-anywhere", "model-x", "1", null, "not a decision type")]
    [InlineData("deploy-external", null, null, null, "give both system and version")]
    [InlineData("deploy-external", "model-x", null, null, "give both system and version")]
    [InlineData("policy-change", "model-x", null, null, "together, or neither")]
    [InlineData("charter-change", null, null, null, "carries the proposed charter")]
    [InlineData("policy-change", null, null, "cccc", "Only a charter-change decision")]
    public void Open_ChecksTypeSubjectAndProposal(string type, string? system, string? version, string? proposal, string expected)
    {
        var charter = Presets.Load(Presets.Preparedness);

        var result = DecisionMachine.Open(charter, new OpenDecision("dec-1", 1, "olga", type, system, version, "t", Scenario.Evidence, proposal), DateTimeOffset.UnixEpoch);

        Assert.True(result.IsRefused);
        Assert.Equal(RefusalKind.Invalid, result.Refusal!.Kind);
        Assert.Contains(expected, result.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RecordsTheCharterAndSnapshot_AndRecusesTheOpener()
    {
        var charter = Presets.Load(Presets.Rsp);
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var state = DecisionMachine.Open(charter, new OpenDecision("dec-7", 7, "olga", "deploy-external", "model-x", "2.0", "Ship 2.0", Scenario.Evidence, null), at).State!;

        Assert.Equal(charter.Digest, state.CharterDigest);
        Assert.Equal(Scenario.Evidence, state.SnapshotDigest);
        Assert.Equal(at, state.OpenedAt);
        Assert.Equal(DecisionStatus.Open, state.Status);
        Assert.Equal("olga", Assert.Single(state.Recusals).Person);
    }
}
