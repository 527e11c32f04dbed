using System.Globalization;
using CsvHelper;
using Vigie.Core.Formats;
using Vigie.Core.Risk;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// The risk register as CSV (RFC 4180): what export writes, import reads. A row with an id updates
/// that risk, a row without one records a new risk; ratings are computed, not read. Import is
/// checked whole before anything is written.
/// </summary>
public static class RiskCsv
{
    public static readonly string[] Header =
    [
        "id", "category", "title", "description", "owner", "likelihood", "severity", "rating", "treatment", "treatment_plan",
        "residual_likelihood", "residual_severity", "residual_rating", "review_date", "status", "links",
    ];

    public static string Write(IReadOnlyList<RiskRegister.RiskRow> rows, RiskMatrix matrix)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvText.WriterOptions, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var r in rows)
            {
                var residual = r.ResidualLikelihood is { } rl && r.ResidualSeverity is { } rs ? matrix.Rate((int)rl, (int)rs)?.Rating : null;
                csv.WriteRecord(
                [
                    r.RiskId, r.Category, r.Title, r.Description ?? "", r.Owner, N(r.Likelihood), N(r.Severity), matrix.Rate((int)r.Likelihood, (int)r.Severity)?.Rating ?? "",
                    r.Treatment, r.TreatmentPlan ?? "", r.ResidualLikelihood is { } a ? N(a) : "", r.ResidualSeverity is { } b ? N(b) : "", residual ?? "",
                    r.ReviewDate, r.Status, string.Join(";", r.LinkList),
                ]);
            }
        }

        return text.ToString();
    }

    /// <summary>The requests of each row (with the id of the risk it updates, if any), or the first error with its line.</summary>
    public static (List<(string? Id, RiskRegister.RiskRequest Request)>? Rows, string? Error) Read(string text)
    {
        using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), CsvText.Options);
        csv.ReadHeader();
        var columns = CsvText.Columns(csv);
        var missing = new[] { "category", "title", "owner", "likelihood", "severity", "treatment", "review_date" }.Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return (null, $"The CSV header lacks the column(s) {string.Join(", ", missing)}; export the register to see the layout.");
        }

        var rows = new List<(string?, RiskRegister.RiskRequest)>();
        while (csv.Read())
        {
            var line = csv.LineNumber;
            string? Cell(string name) => CsvText.Cell(csv, columns, name);

            int? Number(string name, out string? error)
            {
                error = null;
                if (Cell(name) is not { } v)
                {
                    return null;
                }

                if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                error = $"line {line}: '{name}' must be a whole number; it is '{v}'.";
                return null;
            }

            var likelihood = Number("likelihood", out var e1);
            var severity = Number("severity", out var e2);
            var rl = Number("residual_likelihood", out var e3);
            var rs = Number("residual_severity", out var e4);
            if ((e1 ?? e2 ?? e3 ?? e4) is { } numberError)
            {
                return (null, numberError);
            }

            if (likelihood is null || severity is null)
            {
                return (null, $"line {line}: likelihood and severity are required.");
            }

            var id = Cell("id");
            if (id is not null && !RiskIds.TryParseRisk(id, out _))
            {
                return (null, $"line {line}: id '{id}' is not a risk id (risk-N); leave it empty to record a new risk.");
            }

            rows.Add((id, new RiskRegister.RiskRequest(
                Cell("category") ?? "", Cell("title") ?? "", Cell("owner") ?? "", likelihood.Value, severity.Value, Cell("treatment") ?? "", Cell("review_date") ?? "",
                Cell("description"), Cell("treatment_plan"), rl, rs, Cell("status"),
                Cell("links")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), id is null ? null : "Imported from CSV")));
            if (rows.Count > 2000)
            {
                return (null, "At most 2,000 risks are imported at once.");
            }
        }

        return rows.Count == 0 ? (null, "The CSV has a header but no risks.") : (rows, null);
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
