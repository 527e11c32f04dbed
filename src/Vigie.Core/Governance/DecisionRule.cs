namespace Vigie.Core.Governance;

/// <summary>How a charter says one type of decision is taken.</summary>
public sealed record DecisionRule(
    string Type,
    IReadOnlyList<Stage> Stages,
    IReadOnlyList<string> VetoRoles,
    ReviewWindow? Review,
    RecusalRules Recusal)
{
    public bool MayVeto(IReadOnlyCollection<string> roles) => VetoRoles.Any(r => roles.Contains(r, StringComparer.Ordinal));
}
