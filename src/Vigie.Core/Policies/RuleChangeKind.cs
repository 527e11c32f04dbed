namespace Vigie.Core.Policies;

public enum RuleChangeKind
{
    Added,
    Removed,
    Changed,
}
