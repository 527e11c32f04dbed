using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Vigie.Core.Governance;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Policies;

/// <summary>
/// Reads a policy document (YAML) and makes it usable: every rule is compiled, its field reads
/// are checked against the dossier schema, and it is dry-run on the sample dossiers. Every
/// mistake is reported with the rule's id and its line and column; a policy with any mistake is
/// not returned. Format and limits: docs/dossier.md and docs/decisions/0007-policy-evaluation.md.
/// </summary>
public static partial class PolicyReader
{
    /// <summary>
    /// Largest policy text, in UTF-8 bytes: the text is recorded in one ledger entry (at most
    /// 65,535 bytes, ADR 0002) with room left for the entry's other fields.
    /// </summary>
    public const int MaxBytes = 48 * 1024;

    public const int MaxRules = 200;

    public const int MaxExpressionLength = 2_000;

    public const int MaxMessageLength = 500;

    public static PolicyLoad Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<PolicyError>();
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxBytes)
        {
            return Failed(new PolicyError(null, 0, 0, $"The policy is {bytes} bytes; at most {MaxBytes} are allowed (it is recorded in one ledger entry). Split it or shorten messages."));
        }

        if (PolicyYaml.Parse(text, errors) is not { } root || PolicyYaml.Of(root, "the policy", errors) is not { } document)
        {
            return new PolicyLoad(null, errors);
        }

        document.AllowOnly("policy", "rules");
        var header = ReadHeader(document, errors);
        var drafts = ReadRules(document, errors);

        var compiled = new List<CompiledRule>();
        foreach (var draft in drafts)
        {
            if (RuleCompiler.Compile(draft, text, errors) is { } rule)
            {
                compiled.Add(rule);
            }
        }

        if (errors.Count > 0 || header is null)
        {
            return new PolicyLoad(null, [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        }

        return new PolicyLoad(new Policy(header.Value.Name, header.Value.Version, header.Value.Title, header.Value.Description, text, compiled), []);
    }

    private static PolicyLoad Failed(PolicyError error) => new(null, [error]);

    private static (string Name, int Version, string Title, string? Description)? ReadHeader(PolicyYaml document, List<PolicyError> errors)
    {
        if (document.Get("policy", required: true) is not { } node || PolicyYaml.Of(node, "'policy'", errors) is not { } policy)
        {
            return null;
        }

        policy.AllowOnly("name", "version", "title", "description");
        var (name, nameNode) = policy.Text("name", required: true, maxLength: 63);
        if (name is not null && !NamePattern().IsMatch(name))
        {
            policy.Error(nameNode!, $"'name' must be lower-case letters, digits, '.', '_' or '-', starting with a letter or digit; got '{name}'.");
            name = null;
        }

        var (versionText, versionNode) = policy.Text("version", required: true, maxLength: 9);
        int? version = null;
        if (versionText is not null)
        {
            if (int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1)
            {
                version = v;
            }
            else
            {
                policy.Error(versionNode!, $"'version' must be a whole number from 1 (raise it with every change); got '{versionText}'.");
            }
        }

        var (title, _) = policy.Text("title", required: true, maxLength: 200);
        var (description, _) = policy.Text("description", required: false, maxLength: 4000);
        return name is null || version is null || title is null ? null : (name, version.Value, title, description);
    }

    private static List<RuleDraft> ReadRules(PolicyYaml document, List<PolicyError> errors)
    {
        var drafts = new List<RuleDraft>();
        if (document.Get("rules", required: true) is not { } node)
        {
            return drafts;
        }

        if (node is not YamlSequenceNode { Children.Count: > 0 } rules)
        {
            document.Error(node, "'rules' must be a list of rules, each starting with '- id: ...'.");
            return drafts;
        }

        if (rules.Children.Count > MaxRules)
        {
            document.Error(node, $"The policy has {rules.Children.Count} rules; at most {MaxRules} are allowed.");
            return drafts;
        }

        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Children.Count; i++)
        {
            if (ReadRule(rules.Children[i], i + 1, seen, errors) is { } draft)
            {
                drafts.Add(draft);
            }
        }

        return drafts;
    }

    private static RuleDraft? ReadRule(YamlNode node, int position, Dictionary<string, long> seen, List<PolicyError> errors)
    {
        if (PolicyYaml.Of(node, $"rule {position}", errors) is not { } rule)
        {
            return null;
        }

        var before = errors.Count;
        var (id, idNode) = rule.Text("id", required: true, maxLength: 80);
        if (id is not null && !RuleIdPattern().IsMatch(id))
        {
            rule.Error(idNode!, $"rule id '{id}' must be lower-case letters, digits, '.', '_' or '-' (at most 80), starting with a letter or digit.");
            id = null;
        }
        else if (id is not null && seen.TryGetValue(id, out var firstLine))
        {
            rule.RuleId = id;
            rule.Error(idNode!, $"duplicate rule id '{id}'; it is first used on line {firstLine}. Rule ids must be unique: waivers and gate results name rules by id.");
            id = null;
        }
        else if (id is not null)
        {
            seen[id] = idNode!.Start.Line;
        }

        rule.RuleId = id;
        var where = id is null ? $"rule {position}" : $"rule '{id}'";
        rule.AllowOnly("id", "applies_to", "when", "require", "severity", "message", "implements");
        var appliesTo = ReadActions(rule, where);
        var (when, whenNode) = rule.Text("when", required: false, maxLength: MaxExpressionLength);
        var (require, requireNode) = rule.Text("require", required: true, maxLength: MaxExpressionLength);
        var severity = ReadSeverity(rule);
        var (message, _) = rule.Text("message", required: true, maxLength: MaxMessageLength);
        var (implements, _) = rule.Text("implements", required: true, maxLength: MaxMessageLength);

        if (errors.Count > before || id is null || require is null || severity is null || message is null || implements is null)
        {
            return null;
        }

        return new RuleDraft(id, appliesTo, when, whenNode, require, requireNode!, severity.Value, message, implements, node.Start.Line, node.Start.Column);
    }

    private static IReadOnlyList<string> ReadActions(PolicyYaml rule, string where)
    {
        var node = rule.Get("applies_to", required: true);
        IEnumerable<YamlNode> items = node switch
        {
            null => [],
            YamlSequenceNode list => list.Children,
            _ => [node],
        };

        var actions = new List<string>();
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { } action } && DecisionTypes.IsAction(action))
            {
                if (!actions.Contains(action, StringComparer.Ordinal))
                {
                    actions.Add(action);
                }
            }
            else
            {
                var got = item is YamlScalarNode { Value: { } text } ? $"'{text}'" : "a nested value";
                rule.Error(item, $"unknown action {got} in 'applies_to' of {where}; actions are: {DecisionTypes.ActionNames}.");
            }
        }

        if (node is not null && actions.Count == 0 && items.Any() is false)
        {
            rule.Error(node, $"'applies_to' of {where} must name at least one action: {DecisionTypes.ActionNames}.");
        }

        return actions;
    }

    private static RuleSeverity? ReadSeverity(PolicyYaml rule)
    {
        var (text, node) = rule.Text("severity", required: true, maxLength: 20);
        if (text is null)
        {
            return null;
        }

        if (PolicyNames.TryParseSeverity(text, out var severity))
        {
            return severity;
        }

        rule.Error(node!, $"unknown severity '{text}'; use block (a failure denies) or warn (a failure allows with a warning).");
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,62}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,79}$")]
    private static partial Regex RuleIdPattern();
}
