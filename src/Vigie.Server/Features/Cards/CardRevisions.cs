using System.Text.Json.Nodes;
using Vigie.Core.Formats.ModelCards;
using Vigie.Core.Json;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Registry;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Cards;

/// <summary>
/// The one way a card changes (API, import, web editor): checks the version and the revision
/// the writer started from, computes the diff from the previous revision, appends one
/// card.revised entry and tells evidence snapshots the version's evidence may have changed.
/// </summary>
public sealed class CardRevisions(Ledger.Ledger ledger, CardQueries cards, RegistryQueries registry, EvidenceSnapshots snapshots)
{
    /// <summary>Room the envelope (kind, time, actor, visibility, commitment) needs around the body.</summary>
    private const int EnvelopeAllowance = 600;

    public async Task<CardWriteOutcome> ReviseAsync(string actor, CardWrite write, CancellationToken cancellationToken)
    {
        var version = await registry.GetVersionAsync(write.System, write.Version, cancellationToken);
        if (version is null)
        {
            return CardWriteOutcome.Failed(CardWriteStatus.VersionNotFound,
                $"There is no version '{write.Version}' of '{write.System}'; register it first (vigie versions add {write.System} {write.Version}).");
        }

        if (!VisibilityNames.TryParse(write.Visibility ?? version.Visibility, out var visibility) || visibility == Visibility.Confidential)
        {
            return CardWriteOutcome.Failed(CardWriteStatus.Invalid, "visibility must be 'public' or 'internal'.");
        }

        if (visibility == Visibility.Public && version.Visibility != "public")
        {
            return CardWriteOutcome.Failed(CardWriteStatus.Invalid,
                $"A public card of the {version.Visibility} version {write.System}@{write.Version} would reveal it in the public log; keep the card {version.Visibility}.");
        }

        var head = await cards.HeadAsync(write.System, write.Version, cancellationToken);
        if (write.BaseRevision != head)
        {
            return CardWriteOutcome.Failed(CardWriteStatus.Conflict, CardConflicts.NotNext(write.System, write.Version, write.BaseRevision, head));
        }

        var previous = head == 0 ? null : await cards.RevisionAsync(write.System, write.Version, head, includeInternal: true, cancellationToken);
        var changes = CardDiff.Compute(previous?.Card() ?? ModelCard.Empty, write.Card);
        if (changes.Count == 0)
        {
            return new CardWriteOutcome(CardWriteStatus.Unchanged, null, previous, []);
        }

        var body = Body(write, head + 1, changes, withValues: true);
        if (Jcs.Canonicalize(BodyJson.ToElement(body)).Length + EnvelopeAllowance > Envelope.MaxBytes)
        {
            // The paths still say what changed; the values are in the two revisions themselves.
            body = Body(write, head + 1, changes, withValues: false);
        }

        var result = await ledger.AppendAsync(new LedgerWrite(CardEntries.Revised, actor, visibility, BodyJson.ToElement(body)), cancellationToken);
        if (!result.Succeeded)
        {
            return CardWriteOutcome.Failed(
                CardConflicts.IsConflict(result.Conflict) ? CardWriteStatus.Conflict
                : result.Conflict!.Contains("too large", StringComparison.Ordinal) ? CardWriteStatus.TooLarge
                : CardWriteStatus.Invalid,
                result.Conflict!);
        }

        snapshots.NotifyChanged(write.System, write.Version);
        var created = await cards.RevisionAsync(write.System, write.Version, head + 1, includeInternal: true, cancellationToken)
            ?? throw new InvalidOperationException($"Revision {head + 1} of {write.System}@{write.Version} was appended at {result.Index} but is not in the projection.");
        return new CardWriteOutcome(CardWriteStatus.Created, null, created, changes);
    }

    private static CardEntries.RevisedBody Body(CardWrite write, long revision, IReadOnlyList<CardChange> changes, bool withValues) => new(
        write.System,
        write.Version,
        (int)revision,
        write.Material,
        write.Note,
        write.Card.ToJsonElement(),
        write.Card.Sha256,
        BodyJson.ToElement(new JsonArray([.. changes.Select(c => (JsonNode)c.ToJson(withValues))])),
        withValues ? null : true,
        write.Source);
}
