using Vigie.Core.Governance;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Users;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Decisions;

/// <summary>
/// The steps people take on an open or closed decision, shared by the JSON API and the pages.
/// Each is checked by the governance core first (for a precise refusal), then appended; the
/// projection checks it again inside the transaction. A step that decides the decision is
/// appended together with its closing entry, and an approved charter change with its adoption.
/// </summary>
public sealed class DecisionActions(
    Ledger.Ledger ledger, DecisionQueries queries, DecisionEvidence evidence, IEnumerable<IDecisionProposal> proposals, TimeProvider time, ILogger<DecisionActions> logger)
{
    public async Task<StepOutcome> SignAsync(CurrentUser user, string id, DecisionRequests.Sign request, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } detail)
        {
            return NotFound(id);
        }

        // The safety net: evidence may have changed without the change reaching this decision yet.
        if (detail.State.IsOpen && await RefreshEvidenceAsync(detail, user.Name, cancellationToken))
        {
            detail = (await LoadAsync(id, cancellationToken))!;
        }

        var stage = DecisionProgress.Of(detail.Rule, detail.State).Current?.Stage.Name ?? "";
        var body = new DecisionEntries.SignedBody(id, stage, user.Roles, request.Verdict, request.Conditions, request.Comment,
            request.Justification, request.SnapshotDigest);
        return await StepAsync(detail, user.Name, DecisionEntries.Signed, body, DecisionSteps.FromBody(body, -1, user.Name).Step, cancellationToken);
    }

    public async Task<StepOutcome> DissentAsync(CurrentUser user, string id, DecisionRequests.Dissent request, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } detail)
        {
            return NotFound(id);
        }

        var check = new DissentFromDecision(-1, user.Name, request.Statement, request.ConfidentialReason);
        if (request.ConfidentialReason is null)
        {
            var body = new DecisionEntries.DissentBody(id, request.Statement, null);
            return await StepAsync(detail, user.Name, DecisionEntries.Dissent, body, check, cancellationToken);
        }

        // The reason is public with the decision; the statement follows in a sealed entry of its own.
        var reason = new DecisionEntries.DissentBody(id, null, request.ConfidentialReason);
        var statement = new DecisionEntries.DissentStatementBody(id, request.Statement);
        return await StepAsync(detail, user.Name, DecisionEntries.Dissent, reason, check, cancellationToken,
            new LedgerWrite(DecisionEntries.DissentStatement, user.Name, Visibility.Confidential, BodyJson.ToElement(statement)));
    }

    public async Task<StepOutcome> RecuseAsync(CurrentUser user, string id, DecisionRequests.Recusal request, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } detail)
        {
            return NotFound(id);
        }

        var body = new DecisionEntries.RecusedBody(id, request.Person ?? user.Name, user.Roles, request.Reason);
        return await StepAsync(detail, user.Name, DecisionEntries.Recused, body, DecisionSteps.FromBody(body, -1, user.Name).Step, cancellationToken);
    }

    /// <summary>A veto (<see cref="DecisionEntries.Vetoed"/>) or a reversal (<see cref="DecisionEntries.Reversed"/>).</summary>
    public async Task<StepOutcome> RuleAsync(CurrentUser user, string id, string kind, DecisionRequests.Ruling request, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } detail)
        {
            return NotFound(id);
        }

        var body = new DecisionEntries.RulingBody(id, user.Roles, request.Reason);
        var following = kind == DecisionEntries.Reversed && Proposal(detail) is { } handler
            ? await handler.ReversedAsync(detail, user.Name, cancellationToken)
            : [];
        return await StepAsync(detail, user.Name, kind, body, DecisionSteps.FromRuling(kind, body, -1, user.Name).Step, cancellationToken, [.. following]);
    }

    /// <summary>
    /// Binds an open decision to its current evidence when that changed: appends
    /// decision.evidence-changed, which makes earlier sign-offs stale. Returns whether it did.
    /// </summary>
    public async Task<bool> RefreshEvidenceAsync(DecisionQueries.DecisionDetail detail, string? actor, CancellationToken cancellationToken)
    {
        var charter = await queries.CurrentCharterAsync(cancellationToken);
        var snapshot = await evidence.TakeAsync(detail.State.System, detail.State.Version, charter!, cancellationToken);
        if (snapshot.Digest == detail.State.SnapshotDigest)
        {
            return false;
        }

        var body = new DecisionEntries.EvidenceChangedBody(detail.Summary.Id, detail.State.SnapshotDigest,
            new DecisionEntries.SnapshotBody(snapshot.Digest, snapshot.Items));
        var visibility = VisibilityOf(detail);
        if (visibility == Visibility.Public && (await evidence.NotPublicAsync(snapshot.Items, cancellationToken)).Count > 0)
        {
            visibility = Visibility.Internal; // new internal evidence must not be published through a public decision
        }

        var result = await ledger.AppendAsync(new LedgerWrite(DecisionEntries.EvidenceChanged, actor, visibility, BodyJson.ToElement(body)), cancellationToken);
        if (!result.Succeeded)
        {
            // Another request recorded the same change first; the decision is current either way.
            logger.LogDebug("Evidence change for {Decision} not recorded: {Conflict}", detail.Summary.Id, result.Conflict);
        }

        return true;
    }

    public Task<DecisionQueries.DecisionDetail?> LoadAsync(string id, CancellationToken cancellationToken) =>
        DecisionIds.TryParse(id, out var index) ? queries.GetAsync(index, includeInternal: true, cancellationToken) : Task.FromResult<DecisionQueries.DecisionDetail?>(null);

    private async Task<StepOutcome> StepAsync(
        DecisionQueries.DecisionDetail detail, string actor, string kind, object body, IDecisionEvent check, CancellationToken cancellationToken,
        params LedgerWrite[] following)
    {
        var next = DecisionMachine.Apply(detail.Rule, detail.State, check, time.GetUtcNow());
        if (next.Refusal is { } refusal)
        {
            return StepOutcome.Refused(refusal);
        }

        var visibility = VisibilityOf(detail);
        var writes = new List<LedgerWrite> { new(kind, actor, visibility, BodyJson.ToElement(body)) };
        writes.AddRange(following);
        var state = next.State!;
        if (state.IsOpen && DecisionProgress.Of(detail.Rule, state).ReadyOutcome is { } outcome)
        {
            writes.Add(new LedgerWrite(DecisionEntries.Closed, actor, visibility,
                BodyJson.ToElement(new DecisionEntries.ClosedBody(detail.Summary.Id, DecisionStateJson.Name(outcome)))));
            if (outcome == DecisionStatus.Approved && state.Type == DecisionTypes.CharterChange)
            {
                if (await AdoptionAsync(detail, actor, cancellationToken) is not { } adoption)
                {
                    return StepOutcome.Fail(StatusCodes.Status409Conflict, AdoptionRefusal(detail, await queries.CurrentCharterAsync(cancellationToken)));
                }

                writes.Add(adoption);
            }

            if (outcome == DecisionStatus.Approved && Proposal(detail) is { } handler)
            {
                var (effects, cannot) = await handler.ApprovedAsync(detail, actor, cancellationToken);
                if (cannot is not null)
                {
                    return StepOutcome.Fail(StatusCodes.Status409Conflict, cannot);
                }

                writes.AddRange(effects);
            }
        }

        var result = await ledger.AppendAllAsync(writes, cancellationToken);
        return result.Succeeded
            ? StepOutcome.Done(result.Index, result.Time, detail.Summary.Id)
            : StepOutcome.Fail(StatusCodes.Status409Conflict, result.Conflict!);
    }

    /// <summary>The adoption entry of an approved charter change, or null when the charter it amends is no longer in force.</summary>
    private async Task<LedgerWrite?> AdoptionAsync(DecisionQueries.DecisionDetail detail, string actor, CancellationToken cancellationToken)
    {
        var current = await queries.CurrentCharterAsync(cancellationToken);
        var proposal = CharterReader.Read(detail.ProposedYaml!).Charter!;
        if (current is null || current.Digest != detail.State.CharterDigest || proposal.Version <= current.Version)
        {
            return null;
        }

        var body = new DecisionEntries.CharterAdoptedBody(proposal.Name, proposal.Version, proposal.Digest, detail.ProposedYaml!, detail.Summary.Id);
        return new LedgerWrite(DecisionEntries.CharterAdopted, actor, Visibility.Public, BodyJson.ToElement(body));
    }

    private static string AdoptionRefusal(DecisionQueries.DecisionDetail detail, DecisionQueries.CharterRow? current) =>
        current is not null && current.Digest != detail.State.CharterDigest
            ? $"{detail.Summary.Id} amends a charter that is no longer in force ('{current.Name}' v{current.Version} is, since log entry {current.LogIndex}); " +
              "it cannot be approved. Reject it, and open a new charter-change against the charter in force."
            : $"{detail.Summary.Id} proposes a charter version that is not above the one in force; it cannot be approved.";

    private IDecisionProposal? Proposal(DecisionQueries.DecisionDetail detail) => proposals.FirstOrDefault(p => p.Type == detail.State.Type);

    private static Visibility VisibilityOf(DecisionQueries.DecisionDetail detail) =>
        VisibilityNames.TryParse(detail.Summary.Visibility, out var v) ? v : Visibility.Internal;

    private static StepOutcome NotFound(string id) => StepOutcome.Fail(StatusCodes.Status404NotFound, $"There is no decision '{id}'.");
}
