using System.Globalization;
using Vigie.Core.Impact;
using Vigie.Core.Impact.Rights;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Impact;

/// <summary>The impact feature's request bodies and their checks; each check returns a message a person can act on.</summary>
public static class ImpactRequests
{
    public sealed record EstimateEnergy(
        string? Accelerator = null, double? PowerWatts = null, double? Count = null, double? Hours = null, double? AcceleratorHours = null,
        double? MeasuredKwh = null, double? Pue = null, string? Region = null, int? Year = null, double? Intensity = null,
        double? MarketFactor = null, double? Wue = null, double? WaterIntensity = null)
    {
        public EnergyRequest ToRequest(string suppliedBy) => new()
        {
            Accelerator = Accelerator, PowerWatts = PowerWatts, Count = Count, Hours = Hours, AcceleratorHours = AcceleratorHours,
            MeasuredItKwh = MeasuredKwh, Pue = Pue, Region = Region, Year = Year, GridIntensity = Intensity, MarketFactor = MarketFactor,
            Wue = Wue, WaterIntensity = WaterIntensity, SuppliedBy = suppliedBy,
        };
    }

    public sealed record RecordMet(string Reference, string? Note = null);

    public sealed record RecordRevenue(int Year, double RevenueUsd, string Source);

    public sealed record Classify(Dictionary<string, bool> Answers, long BaseRevision = 0);

    public static string? Check(RecordMet r) =>
        TextRules.Check("reference", r.Reference, 1, 500) ?? (r.Note is null ? null : TextRules.Check("note", r.Note, 0, 2000, multiline: true));

    public static string? Check(RecordRevenue r) =>
        r.Year is < 1900 or > 2200 ? "year must be a calendar year such as 2025."
        : !double.IsFinite(r.RevenueUsd) || r.RevenueUsd < 0 ? "revenueUsd must be a finite number ≥ 0 (US dollars)."
        : TextRules.Check("source", r.Source, 1, 500);

    public static string? Check(Classify r)
    {
        var unknown = r.Answers.Keys.Where(k => AiActQuestionnaire.Find(k) is null).ToList();
        return unknown.Count > 0
            ? $"Unknown question{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the questions are: {string.Join(", ", AiActQuestionnaire.Questions.Select(q => q.Id))}."
            : r.BaseRevision < 0 ? "baseRevision cannot be negative." : null;
    }

    /// <summary>A fairness import's name: it appears in URLs and the dossier.</summary>
    public static string? CheckAssessment(string? name) =>
        name is { Length: >= 1 and <= 64 } && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.')
            ? null
            : "assessment must be 1-64 letters, digits, '-', '_' or '.' (e.g. credit-2026q1).";

    public static string Year(string startedOn) => startedOn.Length >= 4 ? startedOn[..4] : DateTime.MinValue.Year.ToString(CultureInfo.InvariantCulture);
}
