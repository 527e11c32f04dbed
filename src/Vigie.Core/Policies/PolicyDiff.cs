using System.Globalization;
using System.Text;

namespace Vigie.Core.Policies;

/// <summary>
/// What changed from one policy version to the next, for the ledger entry of a policy change and
/// for people reviewing it: rules added, removed or changed (by id, with the fields that differ),
/// and the line diff of the two texts.
/// </summary>
public sealed record PolicyDiff(string? BeforeVersion, string AfterVersion, IReadOnlyList<RuleChange> Rules, IReadOnlyList<DiffLine> Lines)
{
    /// <summary>Compares <paramref name="before"/> (null for a first policy) with <paramref name="after"/>.</summary>
    public static PolicyDiff Compute(Policy? before, Policy after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var old = before?.Rules ?? [];
        var changes = new List<RuleChange>();
        foreach (var rule in old.Where(r => after.Find(r.Id) is null))
        {
            changes.Add(new RuleChange(rule.Id, RuleChangeKind.Removed, []));
        }

        foreach (var rule in after.Rules)
        {
            var previous = old.FirstOrDefault(r => r.Id == rule.Id);
            if (previous is null)
            {
                changes.Add(new RuleChange(rule.Id, RuleChangeKind.Added, []));
            }
            else if (Differences(previous, rule) is { Count: > 0 } fields)
            {
                changes.Add(new RuleChange(rule.Id, RuleChangeKind.Changed, fields));
            }
        }

        var lines = LineDiff.Compute(Split(before?.Text ?? ""), Split(after.Text));
        return new PolicyDiff(before?.PolicyVersion, after.PolicyVersion, changes, lines);
    }

    public bool HasChanges => Lines.Any(l => l.Kind != ' ');

    /// <summary>The text diff in unified format, with <paramref name="context"/> unchanged lines around each change.</summary>
    public string ToUnified(int context = 3)
    {
        var text = new StringBuilder();
        text.Append("--- ").Append(BeforeVersion ?? "(none)").Append('\n');
        text.Append("+++ ").Append(AfterVersion).Append('\n');
        var changed = Lines.Select((l, i) => (l, i)).Where(p => p.l.Kind != ' ').Select(p => p.i).ToList();
        var index = 0;
        while (index < changed.Count)
        {
            var start = Math.Max(0, changed[index] - context);
            var end = Math.Min(Lines.Count - 1, changed[index] + context);
            while (index + 1 < changed.Count && changed[index + 1] - context <= end + 1)
            {
                index++;
                end = Math.Min(Lines.Count - 1, changed[index] + context);
            }

            AppendHunk(text, start, end);
            index++;
        }

        return text.ToString();
    }

    private void AppendHunk(StringBuilder text, int start, int end)
    {
        var hunk = Lines.Skip(start).Take(end - start + 1).ToList();
        var beforeCount = hunk.Count(l => l.Kind != '+');
        var afterCount = hunk.Count(l => l.Kind != '-');
        var beforeStart = hunk.FirstOrDefault(l => l.BeforeLine is not null)?.BeforeLine ?? Lines.Take(start).Count(l => l.Kind != '+');
        var afterStart = hunk.FirstOrDefault(l => l.AfterLine is not null)?.AfterLine ?? Lines.Take(start).Count(l => l.Kind != '-');
        text.Append(CultureInfo.InvariantCulture, $"@@ -{beforeStart},{beforeCount} +{afterStart},{afterCount} @@\n");
        foreach (var line in hunk)
        {
            text.Append(line.Kind).Append(line.Text).Append('\n');
        }
    }

    private static List<string> Differences(PolicyRule a, PolicyRule b)
    {
        var fields = new List<string>();
        if (!a.AppliesTo.SequenceEqual(b.AppliesTo, StringComparer.Ordinal))
        {
            fields.Add("applies_to");
        }

        AddIf(fields, "when", a.When != b.When);
        AddIf(fields, "require", a.Require != b.Require);
        AddIf(fields, "severity", a.Severity != b.Severity);
        AddIf(fields, "message", a.Message != b.Message);
        AddIf(fields, "implements", a.Implements != b.Implements);
        return fields;
    }

    private static void AddIf(List<string> fields, string name, bool differs)
    {
        if (differs)
        {
            fields.Add(name);
        }
    }

    private static List<string> Split(string text) =>
        text.Length == 0 ? [] : [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n')];
}
