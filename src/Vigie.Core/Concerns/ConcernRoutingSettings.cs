using System.Text.RegularExpressions;

namespace Vigie.Core.Concerns;

/// <summary>
/// Who receives concerns, as a charter's <c>concerns</c> section or the server setting states it:
/// first-line recipients (at least two, at least one outside the safety officer's reporting
/// line, so no single person can bury a concern), the escalation tiers a missed clock moves a
/// concern to, the zone days are counted in, and the external channels reporters are shown.
/// <see cref="Check"/> holds the rules that need no database; whether each person exists, is a
/// concern recipient and has a key is checked by the server when the routing is used.
/// </summary>
public sealed partial record ConcernRoutingSettings(
    IReadOnlyList<ConcernRoutingSettings.Recipient> Recipients,
    IReadOnlyList<ConcernRoutingSettings.Tier> Tiers,
    string Zone,
    IReadOnlyList<ConcernRoutingSettings.Channel> ExternalChannels)
{
    public const int MaxTiers = 4;

    /// <summary>People in all: a sealed concern holds 16 keys, one of them the reporter's.</summary>
    public const int MaxPeople = ConcernEnvelope.MaxRecipients - 1;

    public const int MaxChannels = 10;

    public sealed record Recipient(string User, bool OutsideLine);

    public sealed record Tier(string Name, IReadOnlyList<string> Recipients);

    public sealed record Channel(string Name, string Url);

    /// <summary>Every person named, first line first.</summary>
    public IEnumerable<string> AllUsers => Recipients.Select(r => r.User).Concat(Tiers.SelectMany(t => t.Recipients)).Distinct(StringComparer.Ordinal);

    /// <summary>Why these settings cannot route concerns, or null.</summary>
    public string? Check()
    {
        var first = Recipients.Select(r => r.User).ToList();
        if (first.Distinct(StringComparer.Ordinal).Count() != first.Count)
        {
            return "A first-line recipient is named twice.";
        }

        if (first.Count < 2)
        {
            return "Name at least two first-line recipients, so no single person can bury a concern.";
        }

        if (!Recipients.Any(r => r.OutsideLine))
        {
            return "Mark at least one first-line recipient as outside the safety officer's reporting line (outsideLine: true).";
        }

        if (AllUsers.FirstOrDefault(u => !UserName().IsMatch(u)) is { } badUser)
        {
            return $"'{badUser}' is not a user name (1-64 of a-z 0-9 . _ -, starting with a letter or digit).";
        }

        if (Tiers.Count > MaxTiers)
        {
            return $"At most {MaxTiers} escalation tiers.";
        }

        foreach (var tier in Tiers)
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

        if (Tiers.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count() != Tiers.Count)
        {
            return "Two escalation tiers have the same name.";
        }

        if (AllUsers.Count() > MaxPeople)
        {
            return $"At most {MaxPeople} people in all (a sealed concern holds 16 keys, one of them the reporter's).";
        }

        return !ClockZone.TryParse(Zone, out _, out var zoneError) ? zoneError : CheckChannels();
    }

    private string? CheckChannels()
    {
        if (ExternalChannels.Count > MaxChannels)
        {
            return $"At most {MaxChannels} external channels.";
        }

        foreach (var channel in ExternalChannels)
        {
            if (channel.Name.Length is 0 or > 120 || channel.Name.Any(char.IsControl))
            {
                return "An external channel's name is 1-120 characters, without control characters.";
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

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex UserName();
}
