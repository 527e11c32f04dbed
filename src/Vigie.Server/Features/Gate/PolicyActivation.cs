using System.Text;
using System.Text.Json;
using Vigie.Core.Ledger;
using Vigie.Core.Policies;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// The <see cref="GateEntries.PolicyActivated"/> entry for a policy that becomes active, with the
/// diff against the policy it replaces. The diff is cut at a line boundary when the whole entry
/// would not fit the log's 65,535 bytes (ADR 0002); both texts stay in the log, so the full diff
/// can always be recomputed, and the rule-level changes are never cut.
/// </summary>
public static class PolicyActivation
{
    /// <summary>Room kept for the envelope around the body (kind, time, actor, visibility).</summary>
    private const int EntryBudget = 60_000;

    public static LedgerWrite Write(string actor, string decision, Policy? before, Policy after, bool restores)
    {
        var diff = PolicyDiff.Compute(before, after);
        var changes = diff.Rules.Select(c => new GateEntries.RuleChangeBody(c.Id, c.Kind.ToString().ToLowerInvariant(), c.Fields)).ToList();
        var body = new GateEntries.PolicyActivatedBody(after.Name, after.Version, after.Sha256, decision, restores,
            before?.PolicyVersion, before?.Sha256, changes, "", false);
        var room = EntryBudget - JsonSerializer.SerializeToUtf8Bytes(body, BodyJson.Options).Length;
        var (text, truncated) = Fit(diff.ToUnified(), room);
        return new LedgerWrite(GateEntries.PolicyActivated, actor, Visibility.Public, BodyJson.ToElement(body with { Diff = text, DiffTruncated = truncated }));
    }

    /// <summary>The diff, or its first lines that fit in <paramref name="room"/> bytes once JSON-escaped.</summary>
    private static (string Text, bool Truncated) Fit(string diff, int room)
    {
        if (JsonEncodedLength(diff) <= room)
        {
            return (diff, false);
        }

        var kept = new StringBuilder();
        var used = 0;
        foreach (var line in diff.Split('\n'))
        {
            var cost = JsonEncodedLength(line) + 2;
            if (used + cost > room)
            {
                break;
            }

            kept.Append(line).Append('\n');
            used += cost;
        }

        return (kept.ToString(), true);
    }

    private static int JsonEncodedLength(string text) => JsonSerializer.SerializeToUtf8Bytes(text, BodyJson.Options).Length;
}
