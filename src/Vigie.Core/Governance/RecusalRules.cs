namespace Vigie.Core.Governance;

/// <summary>
/// Conflict-of-interest rules. Anyone may always recuse themselves; these add that the person
/// who opened a decision does not sign it, and which roles may recuse someone else.
/// </summary>
public sealed record RecusalRules(bool OpenerRecused, IReadOnlyList<string> MayRecuseOthers)
{
    public static RecusalRules Default { get; } = new(true, []);
}
