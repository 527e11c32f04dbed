using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Vigie.Core.Ledger;
using Vigie.Core.Risk;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// The risk register: risks with an owner, likelihood × severity on the framework's matrix (the
/// default 5×5 when none is in force), treatment, residual rating, review date and links to
/// decisions, incidents, evidence and evaluations. Every change is a ledger entry with the whole new state.
/// </summary>
public sealed partial class RiskRegister(Ledger.Ledger ledger, Database database, RiskQueries queries, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Treatments = ["mitigate", "avoid", "transfer", "accept"];

    public sealed record RiskRequest(
        string Category, string Title, string Owner, int Likelihood, int Severity, string Treatment, string ReviewDate,
        string? Description = null, string? TreatmentPlan = null, int? ResidualLikelihood = null, int? ResidualSeverity = null,
        string? Status = null, IReadOnlyList<string>? Links = null, string? Reason = null);

    public sealed record RiskRow(
        string RiskId, long LogIndex, string Category, string Title, string? Description, string Owner, long Likelihood, long Severity,
        string Treatment, string? TreatmentPlan, long? ResidualLikelihood, long? ResidualSeverity, string ReviewDate, string Status, string Links,
        string Visibility, string CreatedAt, string CreatedBy, long UpdatedIndex, string UpdatedAt, string UpdatedBy)
    {
        public IReadOnlyList<string> LinkList => JsonSerializer.Deserialize<List<string>>(Links) ?? [];
    }

    public sealed record ChangeRow(long LogIndex, string RiskId, string Kind, string? Reason, string Fields, string ChangedAt, string ChangedBy);

    public async Task<RiskMatrix> MatrixAsync(CancellationToken cancellationToken) =>
        (await queries.CurrentFrameworkAsync(cancellationToken))?.Framework.Matrix ?? RiskMatrix.Default;

    /// <summary>Checks a request against the matrix; returns the entry body or what is wrong with it.</summary>
    public static (RiskEntries.RiskBody? Body, string? Error) Check(RiskRequest r, RiskMatrix matrix, string? id)
    {
        var error = TextRules.Check("category", r.Category, 1, 64) ?? TextRules.Check("title", r.Title, 1, 200)
            ?? TextRules.Check("owner", r.Owner, 1, 64)
            ?? (r.Description is null ? null : TextRules.Check("description", r.Description, 0, 4000, multiline: true))
            ?? (r.TreatmentPlan is null ? null : TextRules.Check("treatmentPlan", r.TreatmentPlan, 0, 4000, multiline: true))
            ?? (matrix.Rate(r.Likelihood, r.Severity) is null
                ? $"likelihood must be 1-{matrix.Likelihood.Count} and severity 1-{matrix.Severity.Count} on the risk matrix in force." : null)
            ?? ((r.ResidualLikelihood is null) != (r.ResidualSeverity is null) ? "Give residualLikelihood and residualSeverity together, or neither." : null)
            ?? (r.ResidualLikelihood is { } rl && matrix.Rate(rl, r.ResidualSeverity!.Value) is null
                ? $"residualLikelihood must be 1-{matrix.Likelihood.Count} and residualSeverity 1-{matrix.Severity.Count}." : null)
            ?? (Treatments.Contains(r.Treatment) ? null : $"treatment must be one of {string.Join(", ", Treatments)}.")
            ?? (DateOnly.TryParseExact(r.ReviewDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "reviewDate must be a date written YYYY-MM-DD.")
            ?? (r.Status is null or "open" or "closed" ? null : "status must be 'open' or 'closed'.")
            ?? (r.Links is { Count: > 50 } ? "At most 50 links." : null)
            ?? r.Links?.Select(l => LinkPattern().IsMatch(l) ? null : $"'{l}' is not a link Vigie knows: use dec-N, ev-N, eval-N, inc-N or risk-N.").FirstOrDefault(e => e is not null)
            ?? (r.Reason is null ? null : TextRules.Check("reason", r.Reason, 1, 2000, multiline: true));
        return error is not null
            ? (null, error)
            : (new RiskEntries.RiskBody(id, r.Category, r.Title, r.Description, r.Owner, r.Likelihood, r.Severity, r.Treatment, r.TreatmentPlan,
                r.ResidualLikelihood, r.ResidualSeverity, r.ReviewDate, r.Status ?? "open", r.Links ?? [], r.Reason), null);
    }

    public async Task<(string? Id, long Index, int Status, string? Error)> RecordAsync(CurrentUser user, RiskRequest request, CancellationToken cancellationToken)
    {
        var (body, error) = Check(request, await MatrixAsync(cancellationToken), null);
        if (body is null)
        {
            return (null, -1, StatusCodes.Status400BadRequest, error);
        }

        var result = await ledger.AppendAsync(new LedgerWrite(RiskEntries.RiskRecorded, user.Name, Visibility.Internal, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded ? (RiskIds.Format(result.Index), result.Index, StatusCodes.Status201Created, null) : (null, -1, StatusCodes.Status409Conflict, result.Conflict);
    }

    public async Task<(long Index, int Status, string? Error)> UpdateAsync(CurrentUser user, string id, RiskRequest request, CancellationToken cancellationToken)
    {
        if (await GetAsync(id, cancellationToken) is null)
        {
            return (-1, StatusCodes.Status404NotFound, $"There is no risk '{id}' in the register.");
        }

        if (request.Reason is null)
        {
            return (-1, StatusCodes.Status400BadRequest, "Say why the risk changes: reason is required for an update (it is kept in the log).");
        }

        var (body, error) = Check(request, await MatrixAsync(cancellationToken), id);
        if (body is null)
        {
            return (-1, StatusCodes.Status400BadRequest, error);
        }

        var result = await ledger.AppendAsync(new LedgerWrite(RiskEntries.RiskUpdated, user.Name, Visibility.Internal, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded ? (result.Index, StatusCodes.Status200OK, null) : (-1, StatusCodes.Status409Conflict, result.Conflict);
    }

    /// <summary>Appends entries built from a CSV import, all or none.</summary>
    public async Task<AppendResult> AppendAllAsync(CurrentUser user, IReadOnlyList<RiskEntries.RiskBody> bodies, CancellationToken cancellationToken) =>
        await ledger.AppendAllAsync(bodies.Select(b => new LedgerWrite(b.Risk is null ? RiskEntries.RiskRecorded : RiskEntries.RiskUpdated, user.Name,
            Visibility.Internal, BodyJson.ToElement(b))).ToList(), cancellationToken);

    private const string Columns =
        "risk_id AS RiskId, log_index AS LogIndex, category AS Category, title AS Title, description AS Description, owner AS Owner, likelihood AS Likelihood, " +
        "severity AS Severity, treatment AS Treatment, treatment_plan AS TreatmentPlan, residual_likelihood AS ResidualLikelihood, residual_severity AS ResidualSeverity, " +
        "review_date AS ReviewDate, status AS Status, links AS Links, visibility AS Visibility, created_at AS CreatedAt, created_by AS CreatedBy, " +
        "updated_index AS UpdatedIndex, updated_at AS UpdatedAt, updated_by AS UpdatedBy";

    public async Task<IReadOnlyList<RiskRow>> ListAsync(bool overdueOnly, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var today = Today;
        return (await c.QueryAsync<RiskRow>(new CommandDefinition(
            $"SELECT {Columns} FROM risk_register {(overdueOnly ? "WHERE status = 'open' AND review_date < @today" : "")} ORDER BY log_index",
            new { today }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<RiskRow?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<RiskRow>(new CommandDefinition(
            $"SELECT {Columns} FROM risk_register WHERE risk_id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ChangeRow>> ChangesAsync(string id, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<ChangeRow>(new CommandDefinition(
            "SELECT log_index AS LogIndex, risk_id AS RiskId, kind AS Kind, reason AS Reason, fields AS Fields, changed_at AS ChangedAt, changed_by AS ChangedBy " +
            "FROM risk_register_changes WHERE risk_id = @id ORDER BY log_index", new { id }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Today's date (UTC) as the register writes review dates.</summary>
    public string Today => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool IsOverdue(RiskRow row) => row.Status == "open" && string.CompareOrdinal(row.ReviewDate, Today) < 0;

    [GeneratedRegex("^(dec|ev|eval|inc|risk)-[0-9]{1,18}$")]
    private static partial Regex LinkPattern();
}
