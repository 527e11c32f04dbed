using Vigie.Core.Governance;
using Xunit;

namespace Vigie.Core.Tests.Governance;

/// <summary>Every decision type of each shipped charter can be taken, in order, by the roles it names.</summary>
public sealed class PresetFlowTests
{
    public static TheoryData<string, string> EveryPresetAndType()
    {
        var data = new TheoryData<string, string>();
        foreach (var preset in new[] { Presets.Preparedness, Presets.Rsp })
        {
            foreach (var type in DecisionTypes.All)
            {
                data.Add(preset, type);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPresetAndType))]
    public void HappyPath_EachStageReachesQuorumInOrder_ThenTheDecisionIsApproved(string preset, string type)
    {
        var charter = Presets.Load(preset);
        var system = DecisionTypes.IsAboutASystemVersion(type);
        var scenario = new Scenario(charter, type, proposedCharter: type == DecisionTypes.CharterChange ? new string('c', 64) : null,
            system: system ? "model-x" : null, version: system ? "1.0" : null);

        foreach (var stage in scenario.Rule.Stages)
        {
            Assert.Equal(stage.Name, scenario.Progress.Current!.Stage.Name);
            for (var seat = 1; seat <= stage.Quorum.K; seat++)
            {
                scenario.Approve($"{stage.Role}-{seat}", stage.Role);
            }
        }

        Assert.Equal(DecisionStatus.Approved, scenario.Progress.ReadyOutcome);
        scenario.CloseIfReady();
        Assert.Equal(DecisionStatus.Approved, scenario.State.Status);
        Assert.All(scenario.State.SignOffs, s => Assert.True(s.Counts));
        Assert.Equal(scenario.Rule.Stages.Sum(s => s.Quorum.K), scenario.State.SignOffs.Count);
    }

    [Fact]
    public void Preparedness_DeployExternal_RecommendThenDecide_ThenBoardReverses()
    {
        var s = new Scenario(Presets.Load(Presets.Preparedness), DecisionTypes.DeployExternal);
        s.Approve("ada", "advisory-group");
        s.Do(s.Sign("bea", "advisory-group", Verdict.Reject));
        s.Approve("cal", "advisory-group");
        Assert.Equal(StageResult.Passed, s.Progress.Stages[0].Result);

        s.Do(s.Sign("eve", "executive", Verdict.ApproveWithConditions, conditions: "staged rollout to 1% first"));
        s.CloseIfReady();
        Assert.Equal(DecisionStatus.Approved, s.State.Status);

        s.Now = s.State.ClosedAt!.Value.AddDays(29);
        s.Do(new ReverseDecision(s.NextEntry, "bo", ["board"], "The cyber evaluation was run on the wrong checkpoint."));
        Assert.Equal(DecisionStatus.Reversed, s.State.Status);
        Assert.Equal("bo", s.State.Reversal!.By);
        Assert.Equal("The cyber evaluation was run on the wrong checkpoint.", s.State.Reversal.Reason);
    }

    [Fact]
    public void Rsp_DeployExternal_SafetyOfficerVeto_RejectsWhateverTheStagesSaid()
    {
        var s = new Scenario(Presets.Load(Presets.Rsp), DecisionTypes.DeployExternal);
        s.Approve("rso", "safety-officer");

        s.Do(new VetoDecision(s.NextEntry, "rso-deputy", ["safety-officer"], "ASL-3 safeguards are not in place for this deployment."));

        Assert.Equal(DecisionStatus.Rejected, s.Progress.ReadyOutcome);
        s.Refused(s.Sign("eve", "executive"), RefusalKind.Conflict);
        s.CloseIfReady();
        Assert.Equal(DecisionStatus.Rejected, s.State.Status);
        Assert.Equal("rso-deputy", s.State.Veto!.By);
    }
}
