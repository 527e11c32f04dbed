namespace Vigie.Server.Features.Portal;

/// <summary>
/// One adopted version of a governance document, as the public sees it.
/// </summary>
/// <param name="Kind">What it is, plural as the portal groups them: "charters", "policies", "frameworks", "waivers".</param>
/// <param name="Name">Its name; versions of one document share it.</param>
/// <param name="Version">Its version number or label.</param>
/// <param name="LogIndex">The public entry that adopted it: what the page links to and proves.</param>
/// <param name="AdoptedAt">When (RFC 3339, from the entry).</param>
/// <param name="AdoptedBy">Who recorded it (the entry's actor).</param>
/// <param name="Decision">The decision that approved it, if one did (e.g. "dec-14").</param>
/// <param name="Text">The document's exact text as adopted (YAML for charters and policies).</param>
/// <param name="ActiveUntil">When it stopped being in force (superseded, expired, revoked), or null while it is.</param>
/// <param name="Summary">One line for lists and the feed (e.g. a waiver's scope and expiry).</param>
public sealed record GovernanceDocument(
    string Kind, string Name, string Version, long LogIndex, string AdoptedAt, string? AdoptedBy, string? Decision, string Text,
    string? ActiveUntil, string? Summary)
{
    public bool Active => ActiveUntil is null;
}
