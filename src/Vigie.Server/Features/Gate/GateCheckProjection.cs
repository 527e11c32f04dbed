using System.Text.Json;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Gate;

/// <summary>The gate_checks table: every gate evaluation, from its gate.checked entry.</summary>
public sealed class GateCheckProjection : IProjection
{
    public IReadOnlyCollection<string> Kinds { get; } = [GateEntries.Checked];

    public bool MayRefuse => false;

    public IReadOnlyList<string> Tables { get; } = ["gate_checks"];

    public ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken)
    {
        if (record.Body is not { } body)
        {
            return ValueTask.FromResult<string?>(null);
        }

        var b = BodyJson.Read<GateEntries.CheckedBody>(body);
        return Insert(tx, record, b);
    }

    private static async ValueTask<string?> Insert(LedgerTransaction tx, LedgerRecord record, GateEntries.CheckedBody b)
    {
        await tx.InsertAsync(
            "INSERT INTO gate_checks (log_index, system, version, action, result, dossier_digest, policy_version, policy_sha256, rules, visibility, checked_at, checked_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)",
            record.Index, b.System, b.Version, b.Action, b.Result, b.DossierDigest, b.PolicyVersion, b.PolicySha256,
            JsonSerializer.Serialize(b.Rules, BodyJson.Options), VisibilityNames.Of(record.Envelope.Visibility),
            LedgerTime.Format(record.Envelope.Time), record.Envelope.Actor ?? "");
        return null;
    }
}
