using System.Text.Json;
using Vigie.Core.Governance;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Decisions;

/// <summary>Opening a decision (bound to its evidence snapshot), and adopting the first charter.</summary>
public sealed class DecisionOpening(
    Ledger.Ledger ledger, DecisionQueries queries, RegistryQueries registry, DecisionEvidence evidence, IEnumerable<IDecisionProposal> proposals, TimeProvider time)
{
    /// <summary>
    /// Opens a decision. <paramref name="proposal"/> is what a decision of a type with an
    /// <see cref="IDecisionProposal"/> proposes; that feature checks it before anything is written.
    /// </summary>
    public async Task<StepOutcome> OpenAsync(CurrentUser user, DecisionRequests.Open request, CancellationToken cancellationToken, JsonElement? proposal = null)
    {
        if (await queries.CurrentCharterAsync(cancellationToken) is not { } charter)
        {
            return StepOutcome.Fail(StatusCodes.Status409Conflict,
                "No charter is in force yet: an admin adopts one first (vigie charters adopt presets/charters/preparedness-style.yaml).");
        }

        var requested = request.Visibility is null ? (Visibility?)null : request.Visibility == "public" ? Visibility.Public : Visibility.Internal;
        var hidden = new List<string>();
        if (request.System is not null && request.Version is not null)
        {
            var version = await registry.GetVersionAsync(request.System, request.Version, cancellationToken);
            if (version is null)
            {
                return StepOutcome.Fail(StatusCodes.Status404NotFound,
                    $"No version {request.System}@{request.Version} is registered (vigie versions add {request.System} {request.Version}).");
            }

            if (version.Visibility != "public")
            {
                hidden.Add($"version {request.System}@{request.Version}");
            }
        }

        string? charterProposal = null;
        if (request.ProposedCharter is not null)
        {
            (charterProposal, var error) = ReadProposal(request.ProposedCharter, charter);
            if (error is not null)
            {
                return StepOutcome.Fail(StatusCodes.Status400BadRequest, error);
            }
        }

        var handler = proposals.FirstOrDefault(p => p.Type == request.Type);
        if (handler is null && proposal is not null)
        {
            return StepOutcome.Fail(StatusCodes.Status400BadRequest, $"A {request.Type} decision carries no proposal.");
        }

        if (handler is not null && await handler.CheckAsync(request, proposal, cancellationToken) is { } refused)
        {
            return refused;
        }

        var snapshot = await evidence.TakeAsync(request.System, request.Version, charter, cancellationToken);
        var notPublic = await evidence.NotPublicAsync(snapshot.Items, cancellationToken);
        if (notPublic.Count > 0)
        {
            hidden.Add("evidence " + DecisionEvidence.Describe(notPublic));
        }

        if (requested == Visibility.Public && hidden.Count > 0)
        {
            return StepOutcome.Fail(StatusCodes.Status400BadRequest,
                $"A public decision would publish what it rests on, and {string.Join("; ", hidden)} is internal. Open it as internal, or publish that first.");
        }

        var check = DecisionMachine.Open(charter.Charter,
            new OpenDecision("the new decision", -1, user.Name, request.Type, request.System, request.Version, request.Title, snapshot.Digest, charterProposal),
            time.GetUtcNow());
        if (check.Refusal is { } refusal)
        {
            return StepOutcome.Refused(refusal);
        }

        var body = new DecisionEntries.OpenedBody(request.Type, request.System, request.Version, request.Title, request.Description, charter.Digest,
            new DecisionEntries.SnapshotBody(snapshot.Digest, snapshot.Items),
            charterProposal is null ? null : new DecisionEntries.ProposedCharterBody(charterProposal, request.ProposedCharter!), proposal);
        var visibility = requested ?? (hidden.Count > 0 ? Visibility.Internal : Visibility.Public);
        var result = await ledger.AppendAsync(new LedgerWrite(DecisionEntries.Opened, user.Name, visibility, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded
            ? StepOutcome.Done(result.Index, result.Time, DecisionIds.Format(result.Index)) with { Status = StatusCodes.Status201Created }
            : StepOutcome.Fail(StatusCodes.Status409Conflict, result.Conflict!);
    }

    /// <summary>The first charter, adopted by an admin; later ones only through an approved charter-change decision.</summary>
    public async Task<StepOutcome> AdoptFirstCharterAsync(CurrentUser admin, string yaml, CancellationToken cancellationToken)
    {
        var load = CharterReader.Read(yaml);
        if (load.Charter is not { } charter)
        {
            return StepOutcome.Fail(StatusCodes.Status400BadRequest, "The charter is not valid:\n" + load.ErrorText);
        }

        if (await queries.CurrentCharterAsync(cancellationToken) is { } current)
        {
            return StepOutcome.Fail(StatusCodes.Status409Conflict,
                $"Charter '{current.Name}' v{current.Version} is in force (log entry {current.LogIndex}); a new charter is adopted only through an " +
                "approved charter-change decision: vigie decisions open --type charter-change --charter FILE --title \"...\".");
        }

        var body = new DecisionEntries.CharterAdoptedBody(charter.Name, charter.Version, charter.Digest, yaml, null);
        var result = await ledger.AppendAsync(new LedgerWrite(DecisionEntries.CharterAdopted, admin.Name, Visibility.Public, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded
            ? StepOutcome.Done(result.Index, result.Time, charter.Digest) with { Status = StatusCodes.Status201Created }
            : StepOutcome.Fail(StatusCodes.Status409Conflict, result.Conflict!);
    }

    /// <summary>The proposed charter's digest, or why it cannot be proposed.</summary>
    private static (string? Digest, string? Error) ReadProposal(string yaml, DecisionQueries.CharterRow current)
    {
        var load = CharterReader.Read(yaml);
        if (load.Charter is not { } proposal)
        {
            return (null, "The proposed charter is not valid:\n" + load.ErrorText);
        }

        if (proposal.Digest == current.Digest)
        {
            return (null, $"The proposed charter is the charter in force ('{current.Name}' v{current.Version}); change something first.");
        }

        return proposal.Version <= current.Version
            ? (null, $"The proposed charter is version {proposal.Version}; give it a version above the one in force ({current.Version}).")
            : (proposal.Digest, null);
    }
}
