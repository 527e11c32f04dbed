using System.Security.Cryptography;
using System.Text;
using Vigie.Core.Governance;
using Xunit;

namespace Vigie.Core.Tests.Governance;

public sealed class CharterReaderTests
{
    /// <summary>A minimal valid charter; tests break one thing in it at a known line.</summary>
    internal static string Minimal(string deployExternal = """
          deploy-external:
            stages:
              - { name: advice, role: advisory-group, quorum: 2 of 3, kind: recommend }
              - { name: decision, role: executive, quorum: 1 of 1 }
            review: { role: board, within-days: 30 }
        """, string version = "1")
    {
        var others = DecisionTypes.All.Where(t => t != DecisionTypes.DeployExternal)
            .Select(t => $"  {t}:\n    stages:\n      - {{ name: decision, role: executive, quorum: 1 of 1 }}\n");
        return $"charter: test-charter\nversion: {version}\ntitle: Test charter\ndecisions:\n{deployExternal.TrimEnd()}\n{string.Concat(others)}";
    }

    [Theory]
    [InlineData(Presets.Preparedness, "preparedness-style")]
    [InlineData(Presets.Rsp, "rsp-style")]
    public void Presets_Load_AndCoverEveryType(string file, string name)
    {
        var charter = Presets.Load(file);

        Assert.Equal(name, charter.Name);
        Assert.Equal(1, charter.Version);
        Assert.Equal(DecisionTypes.All.Order(), charter.Rules.Keys.Order());
        Assert.All(charter.Rules.Values, r => Assert.Equal(StageKind.Approve, r.Stages[^1].Kind));
    }

    [Fact]
    public void Preparedness_DeployExternal_AdvisoryRecommends_ExecutiveDecides_BoardMayReverseIn30Days()
    {
        var rule = Presets.Load(Presets.Preparedness).RuleFor(DecisionTypes.DeployExternal);

        Assert.Equal([("advisory-group", StageKind.Recommend, new Quorum(2, 3)), ("executive", StageKind.Approve, new Quorum(1, 1))],
            rule.Stages.Select(s => (s.Role, s.Kind, s.Quorum)));
        Assert.Equal(new ReviewWindow("board", 30), rule.Review);
        Assert.Empty(rule.VetoRoles);
        Assert.True(rule.Recusal.OpenerRecused);
        Assert.Equal(["board"], rule.Recusal.MayRecuseOthers);
    }

    [Fact]
    public void Rsp_SafetyOfficerHoldsTheVeto_AndPolicyChangesNeedTheBoard()
    {
        var charter = Presets.Load(Presets.Rsp);

        Assert.Equal(["safety-officer"], charter.RuleFor(DecisionTypes.DeployExternal).VetoRoles);
        Assert.Equal("safety-officer", charter.RuleFor(DecisionTypes.DeployExternal).Stages[0].Role);
        Assert.Equal("board", charter.RuleFor(DecisionTypes.PolicyChange).Stages[^1].Role);
        Assert.Equal(new Quorum(3, 5), charter.RuleFor(DecisionTypes.PolicyChange).Stages[^1].Quorum);
    }

    [Fact]
    public void Digest_IsTheSha256OfTheUtf8Text()
    {
        var text = Minimal();
        var charter = CharterReader.Read(text).Charter!;

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), charter.Digest);
        Assert.Equal(charter.Digest, CharterReader.Digest(text));
        Assert.NotEqual(charter.Digest, CharterReader.Read(Minimal(version: "2")).Charter!.Digest);
    }

    [Fact]
    public void ConflictOfInterest_PerTypeOverridesTheDefault()
    {
        var text = Minimal("""
              deploy-external:
                stages:
                  - { name: decision, role: executive, quorum: 1 of 1 }
                conflict-of-interest: { opener-recused: false, may-recuse-others: [safety-officer] }
            """).Replace("decisions:\n", "conflict-of-interest: { may-recuse-others: [board] }\ndecisions:\n", StringComparison.Ordinal);

        var charter = CharterReader.Read(text).Charter!;

        Assert.False(charter.RuleFor("deploy-external").Recusal.OpenerRecused);
        Assert.Equal(["safety-officer"], charter.RuleFor("deploy-external").Recusal.MayRecuseOthers);
        Assert.True(charter.RuleFor("train").Recusal.OpenerRecused);
        Assert.Equal(["board"], charter.RuleFor("train").Recusal.MayRecuseOthers);
    }

    [Theory]
    [InlineData("role: advisory-grup", 7, "unknown role 'advisory-grup'")]
    [InlineData("quorum: 4 of 3", 7, "more approvals (4) than there are seats (3)")]
    [InlineData("quorum: 0 of 3", 7, "at least one approval")]
    [InlineData("quorum: two of three", 7, "'k of n'")]
    [InlineData("kind: advise", 7, "'approve' or 'recommend'")]
    [InlineData("colour: red", 7, "unknown key 'colour'")]
    public void BrokenStage_IsAnError_AtItsLine(string replacement, int line, string expected)
    {
        var original = replacement.Split(':')[0] switch
        {
            "role" => "role: advisory-group",
            "quorum" => "quorum: 2 of 3",
            "kind" => "kind: recommend",
            _ => "kind: recommend",
        };
        var text = Minimal().Replace(original, replacement.StartsWith("colour", StringComparison.Ordinal) ? original + ", " + replacement : replacement, StringComparison.Ordinal);

        var load = CharterReader.Read(text);

        Assert.False(load.Succeeded);
        var error = Assert.Single(load.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}, column ", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Presets.Preparedness)]
    [InlineData(Presets.Rsp)]
    public void ACharterWithoutAWaiverRule_DecidesWaiversAsPolicyChanges(string file)
    {
        var charter = Presets.Load(file);

        var waiver = charter.RuleFor(DecisionTypes.Waiver);
        var policyChange = charter.RuleFor(DecisionTypes.PolicyChange);
        Assert.Equal(DecisionTypes.Waiver, waiver.Type);
        Assert.Equal(policyChange.Stages, waiver.Stages);
        Assert.Equal(policyChange.Review, waiver.Review);
        Assert.Equal(policyChange.VetoRoles, waiver.VetoRoles);
    }

    [Fact]
    public void AWaiverRule_WhenWritten_IsTheOneUsed()
    {
        var text = Minimal().Replace("  waiver:\n    stages:\n      - { name: decision, role: executive, quorum: 1 of 1 }\n",
            "  waiver:\n    stages:\n      - { name: risk-officer, role: safety-officer, quorum: 1 of 1 }\n", StringComparison.Ordinal);

        var charter = CharterReader.Read(text).Charter!;

        Assert.Equal("risk-officer", Assert.Single(charter.RuleFor(DecisionTypes.Waiver).Stages).Name);
        Assert.Equal("decision", Assert.Single(charter.RuleFor(DecisionTypes.PolicyChange).Stages).Name);
    }

    [Fact]
    public void MissingTypes_AreNamed()
    {
        var text = Minimal().Replace("  alias-move:\n    stages:\n      - { name: decision, role: executive, quorum: 1 of 1 }\n", "", StringComparison.Ordinal)
            .Replace("  train:\n    stages:\n      - { name: decision, role: executive, quorum: 1 of 1 }\n", "", StringComparison.Ordinal);

        var load = CharterReader.Read(text);

        var error = Assert.Single(load.Errors);
        Assert.Contains("missing: train, alias-move", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void UnknownType_IsAnError_ThatListsTheTypes()
    {
        var load = CharterReader.Read(Minimal() + "  deploy-everywhere:\n    stages:\n      - { name: x, role: board, quorum: 1 of 1 }\n");

        var error = Assert.Single(load.Errors);
        Assert.Contains("unknown decision type 'deploy-everywhere'", error.Message, StringComparison.Ordinal);
        Assert.Contains("deploy-external", error.Message, StringComparison.Ordinal);
        Assert.Equal(37, error.Line); // 4 header lines, 5 for deploy-external, 3 for each of the 9 others
    }

    [Fact]
    public void LastStageThatOnlyRecommends_IsAnError()
    {
        var load = CharterReader.Read(Minimal("""
              deploy-external:
                stages:
                  - { name: advice, role: advisory-group, quorum: 2 of 3, kind: recommend }
            """));

        var error = Assert.Single(load.Errors);
        Assert.Contains("must end with a stage of kind 'approve'", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, error.Line);
    }

    [Theory]
    [InlineData("    stages: []\n", "non-empty list")]
    [InlineData("    stages:\n      - { name: a, role: board, quorum: 1 of 1 }\n      - { name: a, role: executive, quorum: 1 of 1 }\n", "two stages named 'a'")]
    [InlineData("    stages:\n      - { name: a, role: board, quorum: 1 of 1 }\n    review: { role: board, within-days: 0 }\n", "from 1 to 3650")]
    [InlineData("    stages:\n      - { name: a, role: board, quorum: 1 of 1 }\n    review: { role: wizard, within-days: 3 }\n", "unknown role 'wizard'")]
    [InlineData("    stages:\n      - { name: a, role: board, quorum: 1 of 1 }\n    veto: [board, king]\n", "unknown role 'king'")]
    [InlineData("    stages:\n      - { name: a, role: board, quorum: 1 of 1 }\n    veto: board\n", "list of roles")]
    [InlineData("    stages:\n      - { name: a, role: board }\n", "missing 'quorum'")]
    [InlineData("    stages:\n      - { name: a, role: board, quorum: 1 of 1 }\n    conflict-of-interest: { opener-recused: maybe }\n", "true or false")]
    public void BrokenRule_IsAnError(string rule, string expected)
    {
        var load = CharterReader.Read(Minimal("  deploy-external:\n" + rule));

        Assert.False(load.Succeeded);
        Assert.Contains(load.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal) && e.Line >= 5);
    }

    [Fact]
    public void EveryMistake_IsReported_NotJustTheFirst()
    {
        var text = Minimal().Replace("role: advisory-group", "role: advisers", StringComparison.Ordinal)
            .Replace("quorum: 1 of 1 }\n    review", "quorum: 3 of 1 }\n    review", StringComparison.Ordinal)
            .Replace("title: Test charter\n", "", StringComparison.Ordinal);

        var load = CharterReader.Read(text);

        Assert.Equal(3, load.Errors.Count);
        Assert.Contains(load.Errors, e => e.Message.Contains("missing 'title'", StringComparison.Ordinal));
        Assert.Contains(load.Errors, e => e.Message.Contains("unknown role 'advisers'", StringComparison.Ordinal));
        Assert.Contains(load.Errors, e => e.Message.Contains("3 of 1", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateKey_IsAYamlError_WithItsLine()
    {
        var load = CharterReader.Read("charter: a\nversion: 1\nversion: 2\n");

        var error = Assert.Single(load.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("charter: a\nversion: [1\n", "cannot be read")]
    [InlineData("- just\n- a list\n", "must be a mapping")]
    [InlineData("charter: a\n---\ncharter: b\n", "exactly one YAML document")]
    [InlineData("", "exactly one YAML document")]
    [InlineData("charter: Bad Name\nversion: 1\ntitle: t\ndecisions: {}\n", "lowercase letters")]
    [InlineData("charter: a\nversion: -1\ntitle: t\ndecisions: {}\n", "whole number")]
    public void MalformedDocument_IsAClearError(string text, string expected)
    {
        var load = CharterReader.Read(text);

        Assert.False(load.Succeeded);
        Assert.Contains(load.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void OversizedCharter_IsRefusedBeforeParsing()
    {
        var load = CharterReader.Read(Minimal() + "# " + new string('x', CharterReader.MaxBytes));

        Assert.Contains("at most 32768", Assert.Single(load.Errors).Message, StringComparison.Ordinal);
    }
}
