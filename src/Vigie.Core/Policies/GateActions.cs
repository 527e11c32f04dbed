namespace Vigie.Core.Policies;

/// <summary>
/// The actions a gate is checked for: the decision types about one version of one system
/// (issue 3's decision types, less those that change the organisation's own rules). A rule's
/// <c>applies_to</c> names some of them; a dossier is built for exactly one.
/// </summary>
public static class GateActions
{
    public const string Train = "train";
    public const string ContinueTraining = "continue-training";
    public const string DeployInternal = "deploy-internal";
    public const string DeployExternal = "deploy-external";
    public const string SubstantialModification = "substantial-modification";
    public const string AliasMove = "alias-move";

    public static IReadOnlyList<string> All { get; } =
        [Train, ContinueTraining, DeployInternal, DeployExternal, SubstantialModification, AliasMove];

    public static bool IsKnown(string? action) => action is not null && All.Contains(action, StringComparer.Ordinal);

    public static string Names => string.Join(", ", All);
}
