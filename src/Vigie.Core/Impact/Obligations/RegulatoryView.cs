namespace Vigie.Core.Impact.Obligations;

/// <summary>The regimes that apply to a system and its obligations, as of <see cref="AsOf"/>.</summary>
public sealed record RegulatoryView(string System, DateTimeOffset AsOf, IReadOnlyList<Regime> Regimes, IReadOnlyList<Obligation> Obligations)
{
    public bool Applies(string regime) => Regimes.Any(r => r.Id == regime && r.Applies);

    /// <summary>The incident-reporting regimes that apply (names as in <c>IncidentNames</c>).</summary>
    public IReadOnlyList<string> IncidentRegimes =>
        [.. new[] { "sb53", "raise", "eu-ai-act-art73", "gpai-cop" }.Where(Applies)];
}
