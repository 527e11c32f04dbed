using System.Text.Json;
using Vigie.Core.Governance;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Decisions;

/// <summary>
/// Turns a decision entry's body into the core's step. The endpoints (checking a step before
/// they append it, with index -1) and the projection (re-checking it inside the transaction)
/// use this one translation, so they cannot disagree about what an entry means.
/// </summary>
public static class DecisionSteps
{
    public static (string Decision, IDecisionEvent Step) FromBody(object body, long index, string actor) => body switch
    {
        DecisionEntries.SignedBody b => (b.Decision, new SignDecision(index, actor, b.Roles, ParseVerdict(b.Verdict), b.Conditions, b.Comment,
            b.Justification, b.SnapshotDigest, b.Stage)),
        DecisionEntries.EvidenceChangedBody b => (b.Decision, new ChangeEvidence(index, b.OldDigest, b.Snapshot.Digest)),
        DecisionEntries.RecusedBody b => (b.Decision, new RecuseFromDecision(index, actor, b.Roles, b.Person, b.Reason)),
        DecisionEntries.ClosedBody b => (b.Decision, new CloseDecision(index, ParseStatus(b.Outcome))),
        DecisionEntries.DissentBody b => (b.Decision, new DissentFromDecision(index, actor, b.Statement, b.ConfidentialReason)),
        DecisionEntries.DissentStatementBody b => (b.Decision, new AttachDissentStatement(index, index - 1, actor, b.Statement)),
        _ => throw new ArgumentException($"{body.GetType().Name} is not a decision step body.", nameof(body)),
    };

    /// <summary>Vetoes and reversals share a body; the entry kind says which it is.</summary>
    public static (string Decision, IDecisionEvent Step) FromRuling(string kind, DecisionEntries.RulingBody b, long index, string actor) => kind switch
    {
        DecisionEntries.Vetoed => (b.Decision, new VetoDecision(index, actor, b.Roles, b.Reason)),
        DecisionEntries.Reversed => (b.Decision, new ReverseDecision(index, actor, b.Roles, b.Reason)),
        _ => throw new ArgumentException($"{kind} is not a ruling.", nameof(kind)),
    };

    /// <summary>Reads a logged step of any kind but opening and charter adoption.</summary>
    public static (string Decision, IDecisionEvent Step) FromEntry(string kind, JsonElement body, long index, string actor) => kind switch
    {
        DecisionEntries.Signed => FromBody(BodyJson.Read<DecisionEntries.SignedBody>(body), index, actor),
        DecisionEntries.EvidenceChanged => FromBody(BodyJson.Read<DecisionEntries.EvidenceChangedBody>(body), index, actor),
        DecisionEntries.Recused => FromBody(BodyJson.Read<DecisionEntries.RecusedBody>(body), index, actor),
        DecisionEntries.Vetoed or DecisionEntries.Reversed => FromRuling(kind, BodyJson.Read<DecisionEntries.RulingBody>(body), index, actor),
        DecisionEntries.Closed => FromBody(BodyJson.Read<DecisionEntries.ClosedBody>(body), index, actor),
        DecisionEntries.Dissent => FromBody(BodyJson.Read<DecisionEntries.DissentBody>(body), index, actor),
        DecisionEntries.DissentStatement => FromBody(BodyJson.Read<DecisionEntries.DissentStatementBody>(body), index, actor),
        _ => throw new ArgumentException($"{kind} is not a decision step.", nameof(kind)),
    };

    private static Verdict ParseVerdict(string text) =>
        DecisionStateJson.TryParse<Verdict>(text, out var verdict) ? verdict : throw new InvalidDataException($"'{text}' is not a verdict.");

    private static DecisionStatus ParseStatus(string text) =>
        DecisionStateJson.TryParse<DecisionStatus>(text, out var status) ? status : throw new InvalidDataException($"'{text}' is not an outcome.");
}
