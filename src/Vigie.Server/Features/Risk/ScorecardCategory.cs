using Vigie.Core.Risk;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// One category: the derived assessment, the latest confirmation, and the levels in effect —
/// the confirmed ones when a person confirmed them, else the derived ones (null = unknown).
/// <see cref="Stale"/> is true when the derivation changed since the confirmation.
/// </summary>
public sealed record ScorecardCategory(RiskCategory Category, CategoryAssessment Derived, RiskQueries.ConfirmationRow? Confirmation)
{
    public string? Pre => Confirmation?.ConfirmedPre ?? Derived.Pre.Level;

    public string? Post => Confirmation?.ConfirmedPost ?? Derived.Post.Level;

    public bool Stale => Confirmation is not null &&
                         (Confirmation.DerivedPre != ScorecardService.Name(Derived.Pre) || Confirmation.DerivedPost != ScorecardService.Name(Derived.Post));
}
