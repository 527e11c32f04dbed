using System.Text.Json;
using System.Text.Json.Serialization;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Decisions;

/// <summary>
/// The ledger entries of decisions and charters. Every step of a decision is one entry; a step
/// that ends a decision is appended together with <see cref="Closed"/> (and, for an approved
/// charter change, <see cref="CharterAdopted"/>) in one atomic group.
/// </summary>
public static class DecisionEntries
{
    public const string CharterAdopted = "charter.adopted/v1";
    public const string Opened = "decision.opened/v1";
    public const string Signed = "decision.signed/v1";
    public const string EvidenceChanged = "decision.evidence-changed/v1";
    public const string Recused = "decision.recused/v1";
    public const string Vetoed = "decision.vetoed/v1";
    public const string Closed = "decision.closed/v1";
    public const string Reversed = "decision.reversed/v1";
    public const string Dissent = "decision.dissent/v1";

    /// <summary>The statement of a confidential dissent: sealed, right after its public <see cref="Dissent"/> entry.</summary>
    public const string DissentStatement = "decision.dissent-statement/v1";

    public static readonly IReadOnlyList<string> DecisionKinds =
        [Opened, Signed, EvidenceChanged, Recused, Vetoed, Closed, Reversed, Dissent, DissentStatement];

    /// <summary>A charter in force from this entry on: its exact YAML, and the approved charter-change that adopted it (none for the first).</summary>
    public sealed record CharterAdoptedBody(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("digest")] string Digest,
        [property: JsonPropertyName("yaml")] string Yaml,
        [property: JsonPropertyName("decision")] string? Decision);

    public sealed record SnapshotBody(
        [property: JsonPropertyName("digest")] string Digest,
        [property: JsonPropertyName("items")] IReadOnlyList<SnapshotItem> Items);

    public sealed record ProposedCharterBody(
        [property: JsonPropertyName("digest")] string Digest,
        [property: JsonPropertyName("yaml")] string Yaml);

    /// <summary>
    /// A decision opened. <c>proposal</c> is what a decision of a type with an
    /// <see cref="IDecisionProposal"/> proposes (a policy text, a waiver), in that feature's form.
    /// </summary>
    public sealed record OpenedBody(
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("system")] string? System,
        [property: JsonPropertyName("version")] string? Version,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("description")] string? Description,
        [property: JsonPropertyName("charter")] string Charter,
        [property: JsonPropertyName("snapshot")] SnapshotBody Snapshot,
        [property: JsonPropertyName("proposedCharter")] ProposedCharterBody? ProposedCharter,
        [property: JsonPropertyName("proposal")] JsonElement? Proposal = null);

    /// <summary>A sign-off, with the roles its signer held then, so a replay reaches the same verdict.</summary>
    public sealed record SignedBody(
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("stage")] string Stage,
        [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles,
        [property: JsonPropertyName("verdict")] string Verdict,
        [property: JsonPropertyName("conditions")] string? Conditions,
        [property: JsonPropertyName("comment")] string? Comment,
        [property: JsonPropertyName("justification")] string? Justification,
        [property: JsonPropertyName("snapshotDigest")] string SnapshotDigest);

    public sealed record EvidenceChangedBody(
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("oldDigest")] string OldDigest,
        [property: JsonPropertyName("snapshot")] SnapshotBody Snapshot);

    public sealed record RecusedBody(
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("person")] string Person,
        [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles,
        [property: JsonPropertyName("reason")] string Reason);

    /// <summary>A veto or a reversal: who, in which roles, and why.</summary>
    public sealed record RulingBody(
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles,
        [property: JsonPropertyName("reason")] string Reason);

    public sealed record ClosedBody(
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("outcome")] string Outcome);

    /// <summary>A dissent: its statement when public; when confidential, only the (public) reason.</summary>
    public sealed record DissentBody(
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("statement")] string? Statement,
        [property: JsonPropertyName("confidentialReason")] string? ConfidentialReason);

    public sealed record DissentStatementBody(
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("statement")] string Statement);
}
