namespace Vigie.Server.Features.Impact;

/// <summary>
/// Where a deployment's FRIA stands, from its latest revision and the fria-approval decisions on
/// it: <c>draft</c> (no review of the latest revision yet), <c>in-review</c>, <c>approved</c>,
/// <c>changes-requested</c> (the review decision was rejected) or <c>approval-reversed</c>; and the
/// latest revision that was approved and not reversed, which may be older than the latest.
/// </summary>
public sealed record FriaStatus(string Status, FriaQueries.DecisionRow? Decision, long? ApprovedRevision)
{
    public const string Draft = "draft";
    public const string InReview = "in-review";
    public const string Approved = "approved";
    public const string ChangesRequested = "changes-requested";
    public const string ApprovalReversed = "approval-reversed";

    public static FriaStatus Of(FriaQueries.FriaRow latest, IReadOnlyList<FriaQueries.DecisionRow> decisions)
    {
        var onLatest = decisions.LastOrDefault(d => d.Revision == latest.Revision);
        var approved = decisions.Where(d => d.Status == "approved").Select(d => (long?)d.Revision).Max();
        return new FriaStatus(Name(onLatest?.Status, Draft), onLatest, approved);
    }

    /// <summary>A revision's standing from its latest review decision's status (open, approved, rejected, reversed), or <paramref name="none"/>.</summary>
    public static string Name(string? decisionStatus, string none) => decisionStatus switch
    {
        null => none,
        "open" => InReview,
        "approved" => Approved,
        "rejected" => ChangesRequested,
        _ => ApprovalReversed,
    };
}
