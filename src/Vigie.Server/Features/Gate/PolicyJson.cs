using System.Text.Json.Nodes;
using Vigie.Core.Policies;

namespace Vigie.Server.Features.Gate;

/// <summary>How policies, proposals and load errors look in API responses.</summary>
public static class PolicyJson
{
    public static object Rule(PolicyRule r) => new
    {
        id = r.Id,
        appliesTo = r.AppliesTo,
        when = r.When,
        require = r.Require,
        severity = PolicyNames.Name(r.Severity),
        message = r.Message,
        implements = r.Implements,
        line = r.Line,
    };

    /// <summary>An active (or once active) policy; <paramref name="withText"/> adds the YAML and each rule.</summary>
    public static object Policy(PolicyQueries.PolicyRow row, bool withText = true) => new
    {
        name = row.Name,
        version = row.Version,
        policyVersion = row.PolicyVersion,
        title = row.Title,
        sha256 = row.Sha256,
        index = row.LogIndex,
        decision = row.Decision,
        restores = row.Restores != 0,
        activatedAt = row.ActivatedAt,
        activatedBy = row.ActivatedBy,
        previousVersion = row.PreviousVersion,
        previousSha256 = row.PreviousSha256,
        changes = JsonNode.Parse(row.Changes),
        diff = row.Diff,
        diffTruncated = row.DiffTruncated != 0,
        description = withText ? row.Policy.Description : null,
        rules = withText ? row.Policy.Rules.Select(Rule) : null,
        text = withText ? row.Text : null,
    };

    public static object Proposal(PolicyQueries.ProposalRow p, PolicyDiff? diff, bool withText) => new
    {
        decision = p.Decision,
        index = p.LogIndex,
        policyVersion = p.PolicyVersion,
        sha256 = p.Sha256,
        basedOn = p.BasedOn,
        status = p.Status,
        visibility = p.Visibility,
        title = p.Title,
        openedAt = p.OpenedAt,
        openedBy = p.OpenedBy,
        changes = diff is null ? null : Changes(diff),
        diff = diff?.ToUnified(),
        text = withText ? p.Text : null,
    };

    public static IEnumerable<object> Changes(PolicyDiff diff) =>
        diff.Rules.Select(c => new { id = c.Id, change = c.Kind.ToString().ToLowerInvariant(), fields = c.Fields });

    public static object Errors(PolicyLoad load) =>
        load.Errors.Select(e => new { rule = e.RuleId, line = e.Line, column = e.Column, message = e.Message, text = e.ToString() });
}
