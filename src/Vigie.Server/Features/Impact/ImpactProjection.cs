using System.Text.Json;
using Dapper;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// The impact tables, derived from impact, regulatory and rights entries. It refuses a
/// classification or FRIA revision that is not the next one, and a FRIA review of a revision that
/// does not exist or by its own author, inside the append transaction.
/// </summary>
public sealed class ImpactProjection : IProjection
{
    public IReadOnlyCollection<string> Kinds => ImpactEntries.All;

    public bool MayRefuse => true;

    public IReadOnlyList<string> Tables { get; } =
        ["rights_fria_reviews", "rights_fria", "rights_classifications", "regulatory_revenue", "regulatory_met", "impact_fairness", "impact_energy"];

    public async ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken)
    {
        if (record.Body is not { } body)
        {
            return null;
        }

        await tx.FlushAsync();
        var e = record.Envelope;
        var (visibility, at, by, index) = (VisibilityNames.Of(e.Visibility), LedgerTime.Format(e.Time), e.Actor ?? "", record.Index);
        var c = tx.Connection;
        switch (e.Kind)
        {
            case ImpactEntries.EnergyEstimated:
            {
                var b = BodyJson.Read<ImpactEntries.EnergyBody>(body);
                double? Number(string name) => b.Estimate.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
                await tx.InsertAsync(
                    "INSERT INTO impact_energy (log_index, system, version, run, it_kwh, facility_kwh, co2e_kg, water_litres, estimate_json, visibility, recorded_at, recorded_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)",
                    index, b.System, b.Version, b.Run, Number("itEnergyKwh") ?? 0, Number("facilityEnergyKwh") ?? 0, Number("locationCo2eKg"), Number("waterLitres"),
                    Canonical(b.Estimate), visibility, at, by);
                return null;
            }

            case ImpactEntries.FairnessAssessed:
            {
                var b = BodyJson.Read<ImpactEntries.FairnessBody>(body);
                long? passes = b.Report.TryGetProperty("passesFourFifths", out var p) && p.ValueKind is JsonValueKind.True or JsonValueKind.False ? (p.GetBoolean() ? 1 : 0) : null;
                await tx.InsertAsync(
                    "INSERT INTO impact_fairness (log_index, system, version, assessment, file_sha256, rows_read, passes_four_fifths, report_json, visibility, recorded_at, recorded_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)",
                    index, b.System, b.Version, b.Assessment, b.FileSha256, b.Rows, passes, Canonical(b.Report), visibility, at, by);
                return null;
            }

            case ImpactEntries.ObligationMet:
            {
                var b = BodyJson.Read<ImpactEntries.MetBody>(body);
                await tx.InsertAsync(
                    "INSERT INTO regulatory_met (log_index, system, obligation, reference, note, visibility, recorded_at, recorded_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)",
                    index, b.System, b.Obligation, b.Reference, b.Note, visibility, at, by);
                return null;
            }

            case ImpactEntries.RevenueRecorded:
            {
                var b = BodyJson.Read<ImpactEntries.RevenueBody>(body);
                await tx.InsertAsync(
                    "INSERT INTO regulatory_revenue (log_index, year, revenue_usd, source, visibility, recorded_at, recorded_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)",
                    index, (long)b.Year, b.RevenueUsd, b.Source, visibility, at, by);
                return null;
            }

            case ImpactEntries.ClassificationRecorded:
            {
                var b = BodyJson.Read<ImpactEntries.ClassificationBody>(body);
                var head = await c.ExecuteScalarAsync<long?>("SELECT MAX(revision) FROM rights_classifications WHERE system = @System", b, tx.Transaction) ?? 0;
                // Gaps are allowed (an erased non-public revision leaves one on replay); going back is not.
                if (b.Revision <= head)
                {
                    return $"The classification of '{b.System}' is at revision {head}; the new one must be {head + 1}. Someone classified it meanwhile: look again and retry.";
                }

                await tx.InsertAsync(
                    "INSERT INTO rights_classifications (log_index, system, revision, tier, answers_json, result_json, visibility, recorded_at, recorded_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)",
                    index, b.System, (long)b.Revision, b.Result.GetProperty("tier").GetString(), Canonical(JsonSerializer.SerializeToElement(b.Answers)), Canonical(b.Result), visibility, at, by);
                return null;
            }

            case ImpactEntries.FriaRevised:
            {
                var b = BodyJson.Read<ImpactEntries.FriaBody>(body);
                var head = await c.ExecuteScalarAsync<long?>("SELECT MAX(revision) FROM rights_fria WHERE system = @System AND deployment = @Deployment", b, tx.Transaction) ?? 0;
                if (b.Revision <= head)
                {
                    return $"The FRIA of {b.System} / {b.Deployment} is at revision {head}; the new one must be {head + 1}. Someone changed it meanwhile: look again and retry.";
                }

                await tx.InsertAsync(
                    "INSERT INTO rights_fria (log_index, system, deployment, revision, version, document_json, sha256, visibility, recorded_at, recorded_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)",
                    index, b.System, b.Deployment, (long)b.Revision, b.Version, Canonical(b.Document), b.Sha256, visibility, at, by);
                return null;
            }

            case ImpactEntries.FriaReviewed:
            {
                var b = BodyJson.Read<ImpactEntries.FriaReviewBody>(body);
                var author = await c.QuerySingleOrDefaultAsync<string?>(
                    "SELECT recorded_by FROM rights_fria WHERE system = @System AND deployment = @Deployment AND revision = @Revision",
                    new { b.System, b.Deployment, Revision = (long)b.Revision }, tx.Transaction);
                if (author is null)
                {
                    return null; // its revision's body was erased: nothing to attach the review to (the endpoint checked it existed)
                }

                if (author == by)
                {
                    return $"'{by}' wrote revision {b.Revision}; someone else reviews it (a review is a second pair of eyes).";
                }

                await tx.InsertAsync(
                    "INSERT INTO rights_fria_reviews (log_index, system, deployment, revision, decision, comment, visibility, reviewed_at, reviewed_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)",
                    index, b.System, b.Deployment, (long)b.Revision, b.Decision, b.Comment, visibility, at, by);
                return null;
            }

            default:
                return null;
        }
    }

    /// <summary>Stored JSON is RFC 8785 canonical, so an entry projects to the same text when appended and when replayed from the log.</summary>
    private static string Canonical(JsonElement json) => System.Text.Encoding.UTF8.GetString(Vigie.Core.Json.Jcs.Canonicalize(json));
}
