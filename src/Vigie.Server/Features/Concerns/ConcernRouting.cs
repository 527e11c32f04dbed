using System.Text.Json.Serialization;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// Who receives concerns (body of <c>concern.routing/v1</c>, set by an admin): the first-line
/// recipients, of whom at least two, and at least one outside the safety officer's reporting
/// line; the escalation tiers a missed clock moves a concern to (e.g. a board committee, then an
/// independent ombudsperson); the zone legal clocks count days in; and the external channels
/// (regulators, ombudspersons) the reporter's pages list. A charter's <c>concerns</c> section
/// sets it when the charter in force has one (issue 7: "charter setting"); otherwise it is the
/// server setting an admin records.
/// </summary>
public sealed record ConcernRouting(
    [property: JsonPropertyName("recipients")] IReadOnlyList<ConcernRouting.Recipient> Recipients,
    [property: JsonPropertyName("tiers")] IReadOnlyList<ConcernRouting.Tier> Tiers,
    [property: JsonPropertyName("zone")] string Zone,
    [property: JsonPropertyName("externalChannels")] IReadOnlyList<ConcernRouting.Channel> ExternalChannels)
{
    public const int MaxTiers = Vigie.Core.Concerns.ConcernRoutingSettings.MaxTiers;

    public sealed record Recipient(
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("outsideLine")] bool OutsideLine);

    public sealed record Tier(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("recipients")] IReadOnlyList<string> Recipients);

    public sealed record Channel(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("url")] string Url);

    /// <summary>Every user the settings name, first line first.</summary>
    public IEnumerable<string> AllUsers => Recipients.Select(r => r.User).Concat(Tiers.SelectMany(t => t.Recipients)).Distinct(StringComparer.Ordinal);

    /// <summary>The same settings as Core states them (a charter's <c>concerns</c> section reads into those).</summary>
    public Vigie.Core.Concerns.ConcernRoutingSettings ToSettings() => new(
        [.. Recipients.Select(r => new Vigie.Core.Concerns.ConcernRoutingSettings.Recipient(r.User, r.OutsideLine))],
        [.. Tiers.Select(t => new Vigie.Core.Concerns.ConcernRoutingSettings.Tier(t.Name, t.Recipients))],
        Zone,
        [.. ExternalChannels.Select(c => new Vigie.Core.Concerns.ConcernRoutingSettings.Channel(c.Name, c.Url))]);

    public static ConcernRouting From(Vigie.Core.Concerns.ConcernRoutingSettings settings) => new(
        [.. settings.Recipients.Select(r => new Recipient(r.User, r.OutsideLine))],
        [.. settings.Tiers.Select(t => new Tier(t.Name, t.Recipients))],
        settings.Zone,
        [.. settings.ExternalChannels.Select(c => new Channel(c.Name, c.Url))]);

    /// <summary>The name of tier <paramref name="level"/> (0 is the first line).</summary>
    public static string TierName(IReadOnlyList<string> tiers, int level) => level == 0 ? "first-line" : tiers[level - 1];
}
