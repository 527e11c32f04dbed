namespace Vigie.Core.Governance;

/// <summary>After approval, holders of <see cref="Role"/> may reverse the decision for <see cref="Days"/> days.</summary>
public sealed record ReviewWindow(string Role, int Days)
{
    public const int MaxDays = 3650;

    public DateTimeOffset ClosesAt(DateTimeOffset approvedAt) => approvedAt.AddDays(Days);
}
