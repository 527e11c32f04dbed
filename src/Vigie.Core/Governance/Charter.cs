namespace Vigie.Core.Governance;

/// <summary>
/// A governance charter: for every decision type, its stages, quorums, vetoes, review window and
/// recusal rules. <see cref="Digest"/> is the SHA-256 of the exact YAML text it was read from,
/// which is what the ledger records and what decisions name. <see cref="Concerns"/>, when the
/// charter has a <c>concerns</c> section, says who receives concerns: changing that then takes a
/// charter-change decision, like any other rule of the charter.
/// </summary>
public sealed record Charter(
    string Name,
    int Version,
    string Title,
    string? Description,
    string Digest,
    IReadOnlyDictionary<string, DecisionRule> Rules,
    Concerns.ConcernRoutingSettings? Concerns = null)
{
    public DecisionRule RuleFor(string type) =>
        Rules.TryGetValue(type, out var rule)
            ? rule
            : throw new ArgumentException($"Charter '{Name}' has no rule for '{type}'; a loaded charter covers every type.", nameof(type));
}
