using System.Text.Json.Serialization;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// Who receives concerns (body of <c>concern.routing/v1</c>, set by an admin): the first-line
/// recipients, of whom at least two, and at least one outside the safety officer's reporting
/// line; the escalation tiers a missed clock moves a concern to (e.g. a board committee, then an
/// independent ombudsperson); the zone legal clocks count days in; and the external channels
/// (regulators, ombudspersons) the reporter's pages list. Issue 7 calls this a charter setting;
/// until the charter feature owns it, it is this server setting, recorded in the log.
/// </summary>
public sealed record ConcernRouting(
    [property: JsonPropertyName("recipients")] IReadOnlyList<ConcernRouting.Recipient> Recipients,
    [property: JsonPropertyName("tiers")] IReadOnlyList<ConcernRouting.Tier> Tiers,
    [property: JsonPropertyName("zone")] string Zone,
    [property: JsonPropertyName("externalChannels")] IReadOnlyList<ConcernRouting.Channel> ExternalChannels)
{
    public const int MaxTiers = 4;

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

    /// <summary>The name of tier <paramref name="level"/> (0 is the first line).</summary>
    public static string TierName(IReadOnlyList<string> tiers, int level) => level == 0 ? "first-line" : tiers[level - 1];
}
