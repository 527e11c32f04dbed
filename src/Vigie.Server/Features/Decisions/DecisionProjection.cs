using System.Text.Json;
using Vigie.Core.Governance;
using Vigie.Server.Features.Registry;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Decisions;

/// <summary>
/// Charters and decisions, derived from their entries. Every decision step is checked again by
/// the governance core inside the append transaction, against the state the log has reached, so
/// two sign-offs racing each other cannot both pass a one-seat stage, and a rebuild replays
/// exactly the verdicts the live server reached (times come from the entries, roles from the
/// bodies).
/// </summary>
public sealed class DecisionProjection : IProjection
{
    public IReadOnlyCollection<string> Kinds { get; } = [DecisionEntries.CharterAdopted, .. DecisionEntries.DecisionKinds];

    public bool MayRefuse => true;

    public IReadOnlyList<string> Tables { get; } = ["decision_snapshots", "decisions", "charters"];

    public async ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken)
    {
        if (record.Body is not { } body)
        {
            return null; // an erased body (a confidential dissent statement past retention) leaves nothing to project
        }

        await tx.FlushAsync();
        var store = new DecisionStore(tx);
        var kind = record.Envelope.Kind;
        var actor = record.Envelope.Actor ?? "";
        return kind switch
        {
            DecisionEntries.CharterAdopted => await AdoptAsync(store, record, BodyJson.Read<DecisionEntries.CharterAdoptedBody>(body)),
            DecisionEntries.Opened => await OpenAsync(store, record, BodyJson.Read<DecisionEntries.OpenedBody>(body)),
            _ => await StepAsync(store, record, kind, body, actor),
        };
    }

    private static async Task<string?> AdoptAsync(DecisionStore store, LedgerRecord record, DecisionEntries.CharterAdoptedBody body)
    {
        var load = CharterReader.Read(body.Yaml);
        if (load.Charter is not { } charter)
        {
            return "The charter is not valid:\n" + load.ErrorText;
        }

        if (charter.Digest != body.Digest || charter.Name != body.Name || charter.Version != body.Version)
        {
            return $"The entry names charter {body.Name} v{body.Version} ({body.Digest}) but its text is {charter.Name} v{charter.Version} ({charter.Digest}).";
        }

        var current = await store.CurrentCharterAsync();
        if (body.Decision is null && current is not null)
        {
            return $"Charter '{current.Name}' v{current.Version} is in force (log entry {current.LogIndex}); " +
                   "a new charter is adopted only through an approved charter-change decision (vigie decisions open --type charter-change).";
        }

        if (body.Decision is not null && await RefuseAdoptionAsync(store, body, current) is { } refused)
        {
            return refused;
        }

        await store.InsertCharterAsync(record, body);
        return null;
    }

    private static async Task<string?> RefuseAdoptionAsync(DecisionStore store, DecisionEntries.CharterAdoptedBody body, DecisionStore.CharterRow? current)
    {
        var row = DecisionIds.TryParse(body.Decision, out var index) ? await store.DecisionAsync(index) : null;
        if (row is null || row.State.Type != DecisionTypes.CharterChange || row.State.ProposedCharterDigest != body.Digest)
        {
            return $"{body.Decision} is not a charter-change decision proposing charter {body.Digest}.";
        }

        if (row.State.Status != DecisionStatus.Approved)
        {
            return $"{body.Decision} is {DecisionStateJson.Name(row.State.Status)}; only an approved charter change is adopted.";
        }

        if (current is null || current.Digest != row.State.CharterDigest)
        {
            return $"{body.Decision} proposed a change to charter {DecisionMachine.ShortDigest(row.State.CharterDigest)}, but the charter in force " +
                   $"is now {(current is null ? "none" : $"'{current.Name}' v{current.Version}")}; open a new charter-change against it.";
        }

        return body.Version <= current.Version
            ? $"The proposed charter is version {body.Version}; it must be above the version in force ({current.Version})."
            : null;
    }

    private static async Task<string?> OpenAsync(DecisionStore store, LedgerRecord record, DecisionEntries.OpenedBody body)
    {
        var current = await store.CurrentCharterAsync();
        if (current is null)
        {
            return "No charter is in force yet: an admin adopts one first (vigie charters adopt presets/charters/preparedness-style.yaml).";
        }

        if (current.Digest != body.Charter)
        {
            return $"The decision was prepared under charter {DecisionMachine.ShortDigest(body.Charter)}, but '{current.Name}' v{current.Version} is in force now; open it again.";
        }

        if (Refuse(body.Snapshot) is { } badSnapshot)
        {
            return badSnapshot;
        }

        if (body.ProposedCharter is { } proposal && (CharterReader.Read(proposal.Yaml).Charter?.Digest != proposal.Digest))
        {
            return "The proposed charter is not valid, or its digest does not match its text.";
        }

        var id = DecisionIds.Format(record.Index);
        var opened = DecisionMachine.Open(current.Charter,
            new OpenDecision(id, record.Index, record.Envelope.Actor ?? "", body.Type, body.System, body.Version, body.Title,
                body.Snapshot.Digest, body.ProposedCharter?.Digest),
            record.Envelope.Time);
        if (opened.Refusal is { } refusal)
        {
            return refusal.Message;
        }

        await store.InsertDecisionAsync(record, body, opened.State!);
        await store.InsertSnapshotAsync(record, record.Index, body.Snapshot);
        return null;
    }

    private static async Task<string?> StepAsync(DecisionStore store, LedgerRecord record, string kind, JsonElement body, string actor)
    {
        var (decision, step) = DecisionSteps.FromEntry(kind, body, record.Index, actor);
        var row = DecisionIds.TryParse(decision, out var index) ? await store.DecisionAsync(index) : null;
        if (row is null)
        {
            return $"There is no decision '{decision}'.";
        }

        if (kind == DecisionEntries.EvidenceChanged && Refuse(BodyJson.Read<DecisionEntries.EvidenceChangedBody>(body).Snapshot) is { } badSnapshot)
        {
            return badSnapshot;
        }

        var rule = (await store.CharterAsync(row.State.CharterDigest)).RuleFor(row.State.Type);
        var next = DecisionMachine.Apply(rule, row.State, step, record.Envelope.Time);
        if (next.Refusal is { } refusal)
        {
            return refusal.Message;
        }

        await store.UpdateDecisionAsync(index, record.Index, next.State!);
        if (kind == DecisionEntries.EvidenceChanged)
        {
            await store.InsertSnapshotAsync(record, index, BodyJson.Read<DecisionEntries.EvidenceChangedBody>(body).Snapshot);
        }

        return null;
    }

    /// <summary>A snapshot in the log must carry the items its digest is computed from.</summary>
    private static string? Refuse(DecisionEntries.SnapshotBody snapshot) =>
        EvidenceSnapshots.Digest(snapshot.Items) == snapshot.Digest
            ? null
            : $"The evidence snapshot's digest {DecisionMachine.ShortDigest(snapshot.Digest)} is not the digest of its items.";
}
