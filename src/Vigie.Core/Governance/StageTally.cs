namespace Vigie.Core.Governance;

/// <summary>The counting sign-offs of one stage and what they add up to.</summary>
public sealed record StageTally(Stage Stage, int Approvals, int Rejections, StageResult Result)
{
    public string Describe() => Result switch
    {
        StageResult.Passed when Stage.Kind == StageKind.Recommend => $"recommended approval ({Approvals} of {Stage.Quorum.N})",
        StageResult.Failed when Stage.Kind == StageKind.Recommend => $"recommended rejection ({Rejections} of {Stage.Quorum.N} against)",
        StageResult.Passed => $"approved ({Approvals} of {Stage.Quorum.N})",
        StageResult.Failed => $"rejected ({Rejections} of {Stage.Quorum.N} against)",
        _ => $"{Approvals} approval(s), {Rejections} rejection(s) of the {Stage.Quorum} needed",
    };
}
