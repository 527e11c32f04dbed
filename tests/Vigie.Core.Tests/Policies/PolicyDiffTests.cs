using Vigie.Core.Policies;
using Xunit;
using static Vigie.Core.Tests.Policies.PolicyFixtures;

namespace Vigie.Core.Tests.Policies;

public sealed class PolicyDiffTests
{
    [Fact]
    public void Diff_NamesRulesAddedRemovedAndChanged_WithTheFieldsThatDiffer()
    {
        var before = Load(Policy(Rule("kept", "true") + Rule("gone", "true") + Rule("edited", "true")));
        var after = Load(Policy(Rule("kept", "true") + Rule("edited", "false", severity: "warn") + Rule("new", "true"), version: 2));
        var diff = PolicyDiff.Compute(before, after);
        Assert.Equal(("test-policy@1", "test-policy@2"), (diff.BeforeVersion, diff.AfterVersion));
        Assert.Equal(
            [new("gone", RuleChangeKind.Removed, []), new("edited", RuleChangeKind.Changed, ["require", "severity"]), new RuleChange("new", RuleChangeKind.Added, [])],
            diff.Rules,
            (a, b) => a.Id == b.Id && a.Kind == b.Kind && a.Fields.SequenceEqual(b.Fields));
        Assert.True(diff.HasChanges);
    }

    [Fact]
    public void TextDiff_IsAShortestLineDiff_InUnifiedFormat()
    {
        var before = Load("policy:\n  name: p\n  version: 1\n  title: T\nrules:\n" + Rule("a", "true"));
        var after = Load("policy:\n  name: p\n  version: 2\n  title: T\nrules:\n" + Rule("a", "true", severity: "warn"));
        var diff = PolicyDiff.Compute(before, after);
        Assert.Equal(4, diff.Lines.Count(l => l.Kind != ' '));
        Assert.Equal(
            "--- p@1\n+++ p@2\n@@ -1,11 +1,11 @@\n policy:\n   name: p\n-  version: 1\n+  version: 2\n   title: T\n rules:\n   - id: a\n     applies_to: [deploy-external]\n     require: 'true'\n-    severity: block\n+    severity: warn\n     message: Rule a must hold.\n     implements: https://example.org/policy#a\n",
            diff.ToUnified());
    }

    [Fact]
    public void FirstPolicy_IsAllAdded_AndAnUnchangedOneHasNoChanges()
    {
        var policy = Load(Policy(Rule("a", "true")));
        var first = PolicyDiff.Compute(null, policy);
        Assert.Null(first.BeforeVersion);
        Assert.All(first.Lines, l => Assert.Equal('+', l.Kind));
        Assert.Equal(RuleChangeKind.Added, Assert.Single(first.Rules).Kind);

        var same = PolicyDiff.Compute(policy, policy);
        Assert.False(same.HasChanges);
        Assert.Empty(same.Rules);
        Assert.Equal("--- test-policy@1\n+++ test-policy@1\n", same.ToUnified());
    }
}
