namespace Vigie.Core.Governance;

/// <summary>The kinds of decision a charter must say how to take (issue 3, "Decisions").</summary>
public static class DecisionTypes
{
    public const string Train = "train";
    public const string ContinueTraining = "continue-training";
    public const string DeployInternal = "deploy-internal";
    public const string DeployExternal = "deploy-external";
    public const string SubstantialModification = "substantial-modification";
    public const string AliasMove = "alias-move";
    public const string PolicyChange = "policy-change";
    public const string CharterChange = "charter-change";
    public const string FrameworkChange = "framework-change";

    public static readonly IReadOnlyList<string> All =
    [
        Train, ContinueTraining, DeployInternal, DeployExternal, SubstantialModification,
        AliasMove, PolicyChange, CharterChange, FrameworkChange,
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    /// <summary>
    /// Types that are about one version of one AI system, so they need a system and version
    /// and bind to that version's evidence. The others govern the organisation's own rules.
    /// </summary>
    public static bool IsAboutASystemVersion(string type) =>
        type is Train or ContinueTraining or DeployInternal or DeployExternal or SubstantialModification or AliasMove;
}
