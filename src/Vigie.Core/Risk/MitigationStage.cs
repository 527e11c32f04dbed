namespace Vigie.Core.Risk;

/// <summary>Whether an evaluation measured the model as it is (before mitigation) or with its safeguards in place.</summary>
public static class MitigationStage
{
    public const string Pre = "pre-mitigation";
    public const string Post = "post-mitigation";

    public static bool IsKnown(string stage) => stage is Pre or Post;
}
