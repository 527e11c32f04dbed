using System.Text.Json;
using Dapper;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// The risk feature's tables, from its own entries. It refuses a framework proposal for a
/// framework-change decision that is closed, signed or already carries one, inside the append
/// transaction. Entries whose non-public body was erased are skipped, and so are those that
/// depend on them (an update of an erased risk), so a rebuild never stops on them.
/// </summary>
public sealed class RiskProjection : IProjection
{
    public IReadOnlyCollection<string> Kinds => RiskEntries.All;

    public IReadOnlyList<string> Tables { get; } =
    [
        "risk_register_changes", "risk_register", "risk_forecast_alerts", "risk_safeguards", "risk_scorecard_confirmations",
        "risk_evaluation_metrics", "risk_evaluations", "risk_framework_proposals",
    ];

    public bool MayRefuse => true;

    public async ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken)
    {
        if (record.Body is not { } body)
        {
            return null;
        }

        var e = record.Envelope;
        var row = new Row(VisibilityNames.Of(e.Visibility), LedgerTime.Format(e.Time), e.Actor ?? "", record.Index);
        return e.Kind switch
        {
            RiskEntries.FrameworkProposed => await ProposedAsync(tx, row, BodyJson.Read<RiskEntries.ProposedBody>(body)),
            RiskEntries.EvaluationImported => await ImportedAsync(tx, row, BodyJson.Read<RiskEntries.ImportedBody>(body)),
            RiskEntries.ScorecardConfirmed => await ConfirmedAsync(tx, row, BodyJson.Read<RiskEntries.ConfirmedBody>(body)),
            RiskEntries.SafeguardRecorded => await SafeguardAsync(tx, row, BodyJson.Read<RiskEntries.SafeguardBody>(body)),
            RiskEntries.ForecastAlert => await AlertAsync(tx, row, BodyJson.Read<RiskEntries.AlertBody>(body)),
            RiskEntries.RiskRecorded => await RiskAsync(tx, row, BodyJson.Read<RiskEntries.RiskBody>(body), created: true),
            RiskEntries.RiskUpdated => await RiskAsync(tx, row, BodyJson.Read<RiskEntries.RiskBody>(body), created: false),
            _ => null,
        };
    }

    private sealed record Row(string Visibility, string At, string By, long Index);

    private static async Task<string?> ProposedAsync(LedgerTransaction tx, Row row, RiskEntries.ProposedBody p)
    {
        await tx.FlushAsync();
        var decision = await tx.Connection.QuerySingleOrDefaultAsync<DecisionState>(
            "SELECT status AS Status, signoffs AS Signoffs FROM risk_framework_decisions WHERE decision = @d", new { d = p.Decision }, tx.Transaction);
        if (decision is null)
        {
            // Only a replay meets this (the endpoint opens the decision just before): the decision's
            // non-public body was erased, so there is nothing this proposal can be adopted by.
            return null;
        }

        if (decision.Status != "open")
        {
            return $"{p.Decision} is not an open framework-change decision; a framework is proposed with the decision that adopts it.";
        }

        if (decision.Signoffs > 0 || await tx.Connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM risk_framework_proposals WHERE decision = @d", new { d = p.Decision }, tx.Transaction) > 0)
        {
            return $"{p.Decision} already carries a framework or has sign-offs; open a new framework-change decision for another text.";
        }

        await tx.InsertAsync(
            "INSERT INTO risk_framework_proposals (log_index, decision, name, version, digest, yaml, status, proposed_at, proposed_by, adopted_index, adopted_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)",
            row.Index, p.Decision, p.Name, (long)p.Version, p.Digest, p.Yaml, "proposed", row.At, row.By, null, null);
        return null;
    }

    private sealed record DecisionState(string Status, long Signoffs);

    private static async Task<string?> ImportedAsync(LedgerTransaction tx, Row row, RiskEntries.ImportedBody b)
    {
        await tx.InsertAsync(
            """
            INSERT INTO risk_evaluations (log_index, system, version, name, format, format_version, model, harness, harness_version, run_status,
                started_at, completed_at, samples, stage, effective_flop, sha256, size_bytes, evidence_index, tasks, warnings, visibility, imported_at, imported_by)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18, @p19, @p20, @p21, @p22)
            """,
            row.Index, b.System, b.Version, b.Name, b.Format, b.FormatVersion, b.Model, b.Harness, b.HarnessVersion, b.Status,
            b.StartedAt, b.CompletedAt, b.Samples, b.Stage, b.EffectiveComputeFlop, b.Sha256, b.Size, row.Index - 1,
            JsonSerializer.Serialize(b.Tasks), JsonSerializer.Serialize(b.Warnings), row.Visibility, row.At, row.By);
        for (var i = 0; i < b.Metrics.Count; i++)
        {
            var m = b.Metrics[i];
            await tx.InsertAsync(
                "INSERT INTO risk_evaluation_metrics (evaluation, ordinal, task, metric, variant, value, stderr, samples, higher_is_better) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)",
                row.Index, (long)i, m.Task, m.Metric, m.Variant, m.Value, m.Stderr, m.Samples, m.HigherIsBetter is { } h ? (h ? 1L : 0L) : null);
        }

        return null;
    }

    private static async Task<string?> ConfirmedAsync(LedgerTransaction tx, Row row, RiskEntries.ConfirmedBody b)
    {
        await tx.InsertAsync(
            """
            INSERT INTO risk_scorecard_confirmations (log_index, system, version, category, framework, framework_digest, derived_pre, derived_post,
                confirmed_pre, confirmed_post, rationale, visibility, confirmed_at, confirmed_by)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)
            """,
            row.Index, b.System, b.Version, b.Category, b.Framework, b.FrameworkDigest, b.DerivedPre, b.DerivedPost, b.ConfirmedPre,
            b.ConfirmedPost, b.Rationale, row.Visibility, row.At, row.By);
        return null;
    }

    private static async Task<string?> SafeguardAsync(LedgerTransaction tx, Row row, RiskEntries.SafeguardBody b)
    {
        await tx.InsertAsync(
            """
            INSERT INTO risk_safeguards (log_index, system, version, safeguard, name, standard, asl, status, category, evidence, description, visibility, recorded_at, recorded_by)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)
            """,
            row.Index, b.System, b.Version, b.Id, b.Name, b.Standard, b.Asl is { } a ? (long)a : null, b.Status, b.Category,
            JsonSerializer.Serialize(b.Evidence), b.Description, row.Visibility, row.At, row.By);
        return null;
    }

    private static async Task<string?> AlertAsync(LedgerTransaction tx, Row row, RiskEntries.AlertBody b)
    {
        await tx.InsertAsync(
            """
            INSERT INTO risk_forecast_alerts (log_index, system, metric_key, category, level, basis_version, framework, upper_flop, upper_date, summary, visibility, raised_at)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)
            """,
            row.Index, b.System, b.Metric, b.Category, b.Level, b.BasisVersion, b.Framework, b.UpperCrossingFlop, b.UpperCrossingDate, b.Summary, row.Visibility, row.At);
        return null;
    }

    private static async Task<string?> RiskAsync(LedgerTransaction tx, Row row, RiskEntries.RiskBody b, bool created)
    {
        var id = created ? RiskIds.Format(row.Index) : b.Risk!;
        await tx.FlushAsync();
        if (created)
        {
            await tx.Connection.ExecuteAsync(
                """
                INSERT INTO risk_register (risk_id, log_index, category, title, description, owner, likelihood, severity, treatment, treatment_plan,
                    residual_likelihood, residual_severity, review_date, status, links, visibility, created_at, created_by, updated_index, updated_at, updated_by)
                VALUES (@id, @Index, @Category, @Title, @Description, @Owner, @Likelihood, @Severity, @Treatment, @TreatmentPlan,
                    @ResidualLikelihood, @ResidualSeverity, @ReviewDate, @Status, @Links, @Visibility, @At, @By, @Index, @At, @By)
                """,
                Parameters(b, id, row), tx.Transaction);
        }
        else if (await tx.Connection.ExecuteAsync(
                     """
                     UPDATE risk_register SET category = @Category, title = @Title, description = @Description, owner = @Owner, likelihood = @Likelihood,
                         severity = @Severity, treatment = @Treatment, treatment_plan = @TreatmentPlan, residual_likelihood = @ResidualLikelihood,
                         residual_severity = @ResidualSeverity, review_date = @ReviewDate, status = @Status, links = @Links,
                         updated_index = @Index, updated_at = @At, updated_by = @By
                     WHERE risk_id = @id
                     """,
                     Parameters(b, id, row), tx.Transaction) == 0)
        {
            // The endpoint checked the risk exists; only a replay after its first entry's body was
            // erased (retention) gets here, and the update of an erased risk is skipped with it.
            return null;
        }

        await tx.InsertAsync(
            "INSERT INTO risk_register_changes (log_index, risk_id, kind, reason, fields, changed_at, changed_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)",
            row.Index, id, created ? "recorded" : "updated", b.Reason, JsonSerializer.Serialize(b with { Risk = id, Reason = null }, BodyJson.Options), row.At, row.By);
        return null;
    }

    private static object Parameters(RiskEntries.RiskBody b, string id, Row row) => new
    {
        id, row.Index, b.Category, b.Title, b.Description, b.Owner, Likelihood = (long)b.Likelihood, Severity = (long)b.Severity, b.Treatment,
        b.TreatmentPlan, ResidualLikelihood = (long?)b.ResidualLikelihood, ResidualSeverity = (long?)b.ResidualSeverity, b.ReviewDate, b.Status,
        Links = JsonSerializer.Serialize(b.Links), row.Visibility, row.At, row.By,
    };
}
