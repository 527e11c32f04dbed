namespace Vigie.Core.Impact.Obligations;

/// <summary>
/// One obligation of a system: what to do, under which regime and legal basis, when it is due
/// and from which ledger fact that date follows, and its status (with the entry that met it).
/// </summary>
public sealed record Obligation(
    string Id,
    string Regime,
    string Title,
    string LegalBasis,
    DateTimeOffset? DueAt,
    string DueBasis,
    string Status,
    ObligationMet? MetBy);
