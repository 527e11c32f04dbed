namespace Vigie.Core.Governance;

/// <summary>
/// The stages of a decision tallied in order. Stages are strictly sequential: a stage is reached
/// only when every earlier one is decided. The decision is ready to close as rejected when an
/// approve stage fails or a veto was cast, and as approved when every stage is decided without
/// an approve stage failing.
/// </summary>
public sealed record DecisionProgress(IReadOnlyList<StageTally> Stages, int? CurrentStage, DecisionStatus? ReadyOutcome)
{
    public static DecisionProgress Of(DecisionRule rule, DecisionState state)
    {
        var tallies = new List<StageTally>(rule.Stages.Count);
        int? current = null;
        DecisionStatus? outcome = null;
        foreach (var stage in rule.Stages)
        {
            var counting = state.SignOffs.Where(s => s.Counts && s.Stage == stage.Name).ToList();
            var approvals = counting.Count(s => s.Approves);
            var rejections = counting.Count - approvals;
            StageResult result;
            if (current is not null || outcome is not null)
            {
                result = StageResult.NotReached;
            }
            else if (stage.Quorum.IsReachedBy(approvals))
            {
                result = StageResult.Passed;
            }
            else if (stage.Quorum.IsDefeatedBy(rejections))
            {
                result = StageResult.Failed;
                outcome = stage.Kind == StageKind.Approve ? DecisionStatus.Rejected : null;
            }
            else
            {
                result = StageResult.Pending;
                current = tallies.Count;
            }

            tallies.Add(new StageTally(stage, approvals, rejections, result));
        }

        if (current is null && outcome is null)
        {
            outcome = DecisionStatus.Approved;
        }

        if (state.Veto is not null)
        {
            outcome = DecisionStatus.Rejected;
        }

        return new DecisionProgress(tallies, outcome is null ? current : null, outcome);
    }

    public StageTally? Current => CurrentStage is { } i ? Stages[i] : null;

    /// <summary>
    /// The recommendation that stands before stage <paramref name="index"/>: the outcome of the
    /// nearest earlier recommend stage (true = approve), or null when there is none.
    /// </summary>
    public bool? RecommendationBefore(int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (Stages[i].Stage.Kind == StageKind.Recommend)
            {
                return Stages[i].Result switch
                {
                    StageResult.Passed => true,
                    StageResult.Failed => false,
                    _ => null,
                };
            }
        }

        return null;
    }

    public int IndexOf(string stage)
    {
        for (var i = 0; i < Stages.Count; i++)
        {
            if (Stages[i].Stage.Name == stage)
            {
                return i;
            }
        }

        return -1;
    }
}
