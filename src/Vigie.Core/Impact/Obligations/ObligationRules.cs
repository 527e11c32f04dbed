using System.Globalization;
using Vigie.Core.Impact.Rights;

namespace Vigie.Core.Impact.Obligations;

/// <summary>
/// Derives the regimes and obligations of a system from ledger facts (REGULATIONS.md). Due dates
/// are computed from facts with their log times — never typed in — in calendar days, UTC.
/// </summary>
public static class ObligationRules
{
    public const double LargeDeveloperRevenueUsd = 500_000_000;
    private static readonly DateTimeOffset Sb53InForce = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RaiseInForce = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string AiAct = "Regulation (EU) 2024/1689 (AI Act)";
    private const string Cop = "General-Purpose AI Code of Practice, Safety and Security chapter";
    private const string Sb53 = "California Business and Professions Code §22757.10 ff. (SB 53)";
    private const string Raise = "New York General Business Law Art. 44-B (RAISE Act)";

    public static RegulatoryView Evaluate(RegulatoryFacts f, DateTimeOffset now)
    {
        var regimes = Regimes(f, now);
        bool Applies(string id) => regimes.Any(r => r.Id == id && r.Applies);
        var list = new List<Obligation>();
        void Add(string id, string regime, string title, string basis, DateTimeOffset? due, string dueBasis) =>
            list.Add(Status(f, now, id, regime, title, basis, due, dueBasis));

        var deployed = f.FirstExternalDeployment;
        var deployedText = deployed is { } d ? $"the first external deployment (production alias moved {Time(d)})" : null;
        if (Applies("eu-ai-act-systemic-risk") && f.EuThreshold is { } eu)
        {
            Add("eu-art52-notification", "eu-ai-act-systemic-risk", "Notify the Commission that the model meets the systemic-risk threshold",
                $"{AiAct}, Art. 52(1): within 2 weeks of meeting the Art. 51(2) threshold", eu.At.AddDays(14), $"14 days after {Crossing(eu, "10^25")}");
        }

        if (Applies("eu-ai-act-gpai"))
        {
            Add("eu-annex-xi-documentation", "eu-ai-act-gpai", "Technical documentation of the model (Annex XI), including training compute and energy",
                $"{AiAct}, Art. 53(1)(a) and Annex XI: drawn up before placing the model on the market and kept up to date", deployed,
                deployedText ?? "before placing the model on the market (no external deployment recorded yet)");
        }

        if (Applies("gpai-cop"))
        {
            var notified = Last(f, "eu-art52-notification");
            var from = notified?.At ?? f.EuThreshold?.At.AddDays(14);
            Add("cop-safety-framework", "gpai-cop", "Confirm the Safety and Security Framework",
                $"{Cop}: confirmed within 4 weeks of notifying the Commission under Art. 52", from?.AddDays(28),
                notified is not null ? $"28 days after the Art. 52 notification recorded {Time(notified.At)} (log entry {notified.LogIndex})"
                : from is not null ? "28 days after the Art. 52 notification's due date (no notification recorded yet)" : "after the Art. 52 notification");
            Add("cop-model-report", "gpai-cop", "Model Report to the AI Office",
                $"{Cop}: a Model Report before placing the model on the market", deployed, deployedText ?? "before placing the model on the market");
            if (Last(f, "cop-model-report", "cop-model-report-update") is { } report)
            {
                Add("cop-model-report-update", "gpai-cop", "Update the Model Report",
                    $"{Cop}: updated every 6 months for the most capable models", report.At.AddMonths(6),
                    $"6 months after the Model Report recorded {Time(report.At)} (log entry {report.LogIndex})");
            }
        }

        if (Applies("eu-ai-act-art73"))
        {
            Add("eu-conformity-assessment", "eu-ai-act-art73", "Conformity assessment of the high-risk system",
                $"{AiAct}, Art. 43: before placing on the market or putting into service", deployed, deployedText ?? "before placing on the market");
            Add("eu-fria", "eu-ai-act-art73", "Fundamental rights impact assessment of each deployment",
                $"{AiAct}, Art. 27: before first use, by deployers that are public bodies or provide public services, and deployers of credit scoring or life and health insurance pricing",
                deployed, deployedText ?? "before first use");
        }

        if (Applies("sb53") && f.FrontierThreshold is { } frontier)
        {
            Add("sb53-transparency-report", "sb53", "Publish a transparency report for the frontier model",
                $"{Sb53}: at or before deploying a new or substantially modified frontier model", deployed,
                deployedText ?? "at or before deploying the frontier model");
            if (Applies("sb53-large-developer"))
            {
                var start = Later(Sb53InForce, frontier.At);
                var framework = Last(f, "sb53-framework", "sb53-framework-review");
                Add(framework is null ? "sb53-framework" : "sb53-framework-review", "sb53-large-developer",
                    framework is null ? "Write, implement and publish a frontier AI framework" : "Review the frontier AI framework",
                    $"{Sb53}: large frontier developers publish a frontier AI framework and review it at least once a year",
                    framework is null ? start : framework.At.AddYears(1),
                    framework is null ? $"when the developer became a large frontier developer: {StartText(start, frontier)}"
                        : $"a year after the framework recorded {Time(framework.At)} (log entry {framework.LogIndex})");
                var summary = Last(f, "sb53-oes-summary");
                Add("sb53-oes-summary", "sb53-large-developer", "Send the Office of Emergency Services a summary of catastrophic-risk assessments from internal use",
                    $"{Sb53}: every 3 months or on another schedule agreed with the Office", (summary?.At ?? start).AddMonths(3),
                    summary is null ? $"3 months after {StartText(start, frontier)}" : $"3 months after the summary recorded {Time(summary.At)} (log entry {summary.LogIndex})");
            }
        }

        if (Applies("raise"))
        {
            Add("raise-safety-protocol", "raise", "Publish the written safety and security protocol",
                $"{Raise}: before deploying a frontier model (in force 2027-01-01)", deployed is { } dep ? Later(RaiseInForce, dep) : null,
                deployed is { } dd ? (dd < RaiseInForce ? "2027-01-01, when the Act came into force (the model was already deployed)" : deployedText!) : "before deploying the frontier model");
        }

        return new RegulatoryView(f.System, now, regimes, list);
    }

    private static List<Regime> Regimes(RegulatoryFacts f, DateTimeOffset now)
    {
        var c = f.Classification;
        var outside = c?.Tier == AiActTier.OutsideScope;
        var eu = f.EuThreshold;
        var frontier = f.FrontierThreshold;
        var year = now.Year - 1;
        var revenue = f.RevenueUsdByYear.TryGetValue(year, out var r) ? r : (double?)null;
        var large = frontier is not null && revenue > LargeDeveloperRevenueUsd;
        var revenueText = revenue is null
            ? $"the organisation's {year} revenue is not recorded (vigie obligations revenue {year} USD)"
            : string.Create(CultureInfo.InvariantCulture, $"{year} revenue recorded as USD {revenue:N0}, {(revenue > LargeDeveloperRevenueUsd ? "above" : "not above")} USD 500 million");
        var gpai = !outside && (c?.GeneralPurpose == true || eu is not null);
        var systemic = !outside && (eu is not null || c?.SystemicRisk == true);
        var euWhy = outside ? "classified as outside the EU AI Act's scope" : eu is not null ? Crossing(eu, "10^25") : "training compute has not crossed 10^25 FLOP";
        return
        [
            new("eu-ai-act-gpai", "EU AI Act: general-purpose AI model (Art. 53)", gpai,
                outside ? euWhy : c?.GeneralPurpose == true ? "classified as a general-purpose AI model" : eu is not null ? $"{euWhy}; such a model is treated as general-purpose" : "not classified as a general-purpose model"),
            new("eu-ai-act-systemic-risk", "EU AI Act: general-purpose AI model with systemic risk (Art. 51, 52, 55)", systemic,
                eu is not null || outside ? euWhy : c?.SystemicRisk == true ? "designated by the Commission (classification)" : euWhy),
            new("gpai-cop", "General-Purpose AI Code of Practice (Safety and Security chapter), for signatories", systemic,
                systemic ? "a general-purpose model with systemic risk: the chapter applies to providers that signed the Code" : euWhy),
            new("eu-ai-act-art73", "EU AI Act: high-risk AI system (Art. 8-17, 27, 43, 73)", c?.Tier == AiActTier.HighRisk,
                c is null ? "not classified yet (vigie classify)" : $"classified as {c.Tier}"),
            new("eu-ai-act-art50", "EU AI Act: transparency duties (Art. 50)", !outside && c?.HasTransparencyDuties == true,
                c is null ? "not classified yet (vigie classify)" : c.HasTransparencyDuties ? "the classification found Art. 50 duties" : "no Art. 50 duty found"),
            new("sb53", "California SB 53: frontier developer", frontier is not null,
                frontier is not null ? Crossing(frontier, "10^26") : "training compute has not crossed 10^26 FLOP"),
            new("sb53-large-developer", "California SB 53: large frontier developer", large,
                frontier is null ? "not a frontier developer" : revenueText),
            new("raise", "New York RAISE Act: large developer (in force 2027-01-01)", large,
                frontier is null ? "training compute has not crossed 10^26 FLOP" : revenueText),
        ];
    }

    private static Obligation Status(RegulatoryFacts f, DateTimeOffset now, string id, string regime, string title, string basis, DateTimeOffset? due, string dueBasis)
    {
        var met = id.EndsWith("-update", StringComparison.Ordinal) || id.EndsWith("-review", StringComparison.Ordinal) || id == "sb53-oes-summary"
            ? null // recurring: a record moves the next due date rather than closing it
            : Last(f, id);
        var status = met is not null ? ObligationStatus.Met
            : due is null ? ObligationStatus.BeforeEvent
            : due < now ? ObligationStatus.Overdue
            : ObligationStatus.Open;
        return new Obligation(id, regime, title, basis, due, dueBasis, status, met);
    }

    private static ObligationMet? Last(RegulatoryFacts f, params string[] ids) =>
        f.Met.Where(m => ids.Contains(m.Obligation, StringComparer.Ordinal)).MaxBy(m => m.LogIndex);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Crossing(ThresholdCrossing t, string threshold) =>
        string.Create(CultureInfo.InvariantCulture,
            $"training run '{t.Run}' of version {t.Version}, logged {Time(t.At)} (log entry {t.LogIndex}), took cumulative compute to {t.CumulativeFlop:0.###E+0} FLOP, over {threshold}");

    private static string StartText(DateTimeOffset start, ThresholdCrossing frontier) =>
        start > frontier.At ? "2026-01-01, when SB 53 came into force (the model had crossed 10^26 FLOP before)" : Crossing(frontier, "10^26");

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
