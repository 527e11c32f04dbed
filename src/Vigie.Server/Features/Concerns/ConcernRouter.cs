using Vigie.Core.Concerns;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// Routes one concern: every first-line and tier recipient who holds none of the roles the
/// concern is about, each in the lowest tier that names them. A concern starts at the lowest
/// tier that still has someone in it, so a concern about the whole first line goes straight to
/// the next tier instead of nowhere.
/// </summary>
public static class ConcernRouter
{
    /// <summary>One envelope holds 16 keys; one is the reporter's own reply key.</summary>
    public const int MaxRecipients = ConcernEnvelope.MaxRecipients - 1;

    public sealed record Route(IReadOnlyList<ConcernEntries.RoutedRecipient> Recipients, IReadOnlyList<string> Tiers, int Level);

    /// <param name="rolesOf">A user's roles (empty when the user no longer exists).</param>
    /// <param name="keyOf">A user's registered key, or null.</param>
    public static (Route? Route, string? Error) Plan(
        ConcernRouting routing, IReadOnlyCollection<string> about,
        Func<string, IReadOnlyList<string>> rolesOf, Func<string, ConcernQueries.RecipientKeyRow?> keyOf)
    {
        var tiers = new List<IReadOnlyList<string>> { routing.Recipients.Select(r => r.User).ToList() };
        tiers.AddRange(routing.Tiers.Select(t => t.Recipients));
        var routed = new List<ConcernEntries.RoutedRecipient>();
        for (var tier = 0; tier < tiers.Count; tier++)
        {
            foreach (var user in tiers[tier])
            {
                if (routed.Any(r => r.User == user) || rolesOf(user).Any(role => about.Contains(role, StringComparer.Ordinal))
                    || keyOf(user) is not { } key)
                {
                    continue;
                }

                routed.Add(new ConcernEntries.RoutedRecipient(user, key.KeyId, key.PublicKey, tier));
            }
        }

        if (routed.Count == 0)
        {
            return (null, "Every recipient the organisation set up holds a role this concern is about, so no one inside could receive it. "
                + "Use one of the external channels listed on the page instead.");
        }

        if (routed.Count > MaxRecipients)
        {
            routed = routed.OrderBy(r => r.Tier).Take(MaxRecipients).ToList();
        }

        return (new Route(routed, routing.Tiers.Select(t => t.Name).ToList(), routed.Min(r => r.Tier)), null);
    }
}
