namespace Vigie.Core.Governance;

/// <summary>
/// The kinds of decision a charter says how to take (issue 3, "Decisions"), and which of them are
/// the actions the release gate checks (issue 4): a policy rule's <c>applies_to</c> names actions,
/// and a release dossier is built for exactly one.
/// </summary>
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

    /// <summary>
    /// An exception to one policy rule for one version and action, until an expiry. A charter may
    /// leave it out: it is then decided as a <see cref="PolicyChange"/> is (a waiver suspends part
    /// of the policy), so charters written before waivers existed keep loading unchanged.
    /// </summary>
    public const string Waiver = "waiver";

    public static readonly IReadOnlyList<string> All =
    [
        Train, ContinueTraining, DeployInternal, DeployExternal, SubstantialModification,
        AliasMove, PolicyChange, CharterChange, FrameworkChange, Waiver,
    ];

    /// <summary>The actions a gate is checked for: the types about one version that move a model forward.</summary>
    public static readonly IReadOnlyList<string> Actions =
        [Train, ContinueTraining, DeployInternal, DeployExternal, SubstantialModification, AliasMove];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    public static bool IsAction(string? type) => type is not null && Actions.Contains(type, StringComparer.Ordinal);

    /// <summary>The actions as a person reads them in an error message.</summary>
    public static string ActionNames => string.Join(", ", Actions);

    /// <summary>
    /// Types that are about one version of one AI system, so they need a system and version
    /// and bind to that version's evidence. The others govern the organisation's own rules.
    /// </summary>
    public static bool IsAboutASystemVersion(string type) => IsAction(type) || type == Waiver;

    /// <summary>Types a charter may leave out, and the type whose rule then applies.</summary>
    public static string? DefaultsTo(string type) => type == Waiver ? PolicyChange : null;
}
