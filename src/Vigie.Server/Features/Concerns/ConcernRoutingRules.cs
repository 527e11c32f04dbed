using System.Text.RegularExpressions;
using Vigie.Core.Concerns;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Concerns;

/// <summary>What routing settings must satisfy before they are recorded (issue 7, "Routing").</summary>
public static partial class ConcernRoutingRules
{
    public static string? Validate(ConcernRouting routing, Func<string, IReadOnlyList<string>?> rolesOf, Func<string, bool> hasKey)
    {
        var first = routing.Recipients.Select(r => r.User).ToList();
        if (first.Distinct(StringComparer.Ordinal).Count() != first.Count)
        {
            return "A first-line recipient is named twice.";
        }

        if (first.Count < 2)
        {
            return "Name at least two first-line recipients, so no single person can bury a concern.";
        }

        if (!routing.Recipients.Any(r => r.OutsideLine))
        {
            return "Mark at least one first-line recipient as outside the safety officer's reporting line (outsideLine: true).";
        }

        if (routing.Tiers.Count > ConcernRouting.MaxTiers)
        {
            return $"At most {ConcernRouting.MaxTiers} escalation tiers.";
        }

        foreach (var tier in routing.Tiers)
        {
            if (!TierName().IsMatch(tier.Name) || tier.Name == "first-line")
            {
                return $"Tier name '{tier.Name}' must be 1-60 of a-z 0-9 and '-' (e.g. board-committee, ombudsperson), and not 'first-line'.";
            }

            if (tier.Recipients.Count == 0)
            {
                return $"Tier '{tier.Name}' names no one.";
            }
        }

        if (routing.Tiers.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count() != routing.Tiers.Count)
        {
            return "Two escalation tiers have the same name.";
        }

        var users = routing.AllUsers.ToList();
        if (users.Count > ConcernRouter.MaxRecipients)
        {
            return $"At most {ConcernRouter.MaxRecipients} people in all (a sealed concern holds 16 keys, one of them the reporter's).";
        }

        foreach (var user in users)
        {
            var roles = rolesOf(user);
            if (roles is null)
            {
                return $"There is no user named '{user}'.";
            }

            if (!roles.Contains(Roles.ConcernRecipient, StringComparer.Ordinal))
            {
                return $"'{user}' does not have the {Roles.ConcernRecipient} role.";
            }

            if (!hasKey(user))
            {
                return $"'{user}' has no registered public key: they run 'vigie keys generate', then register the public key file.";
            }
        }

        if (!ClockZone.TryParse(routing.Zone, out _, out var zoneError))
        {
            return zoneError;
        }

        return ValidateChannels(routing.ExternalChannels);
    }

    private static string? ValidateChannels(IReadOnlyList<ConcernRouting.Channel> channels)
    {
        if (channels.Count > 10)
        {
            return "At most 10 external channels.";
        }

        foreach (var channel in channels)
        {
            if (TextRules.Check("externalChannels.name", channel.Name, 1, 120) is { } nameError)
            {
                return nameError;
            }

            if (channel.Url.Length > 500 || !Uri.TryCreate(channel.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http" or "mailto"))
            {
                return $"External channel '{channel.Name}' needs an absolute https:, http: or mailto: address.";
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    private static partial Regex TierName();
}
