using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Governance;

/// <summary>
/// Reads a charter from YAML and checks it completely before anyone can adopt it: every decision
/// type present, known roles only, quorums that can be met, no unknown keys. Errors carry the
/// line and column YamlDotNet reports, so a person can go straight to the mistake.
/// </summary>
public static partial class CharterReader
{
    /// <summary>Charters travel inside one log entry (at most 65,535 bytes with everything else).</summary>
    public const int MaxBytes = 32 * 1024;

    public static CharterLoad Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > MaxBytes)
        {
            return Fail(new CharterError(0, 0, $"The charter is {bytes.Length} bytes; at most {MaxBytes} are allowed."));
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return Fail(new CharterError(e.Start.Line, e.Start.Column, "The YAML cannot be read: " + Describe(e)));
        }

        if (stream.Documents.Count != 1)
        {
            return Fail(new CharterError(0, 0, $"A charter file holds exactly one YAML document; this one holds {stream.Documents.Count}."));
        }

        var errors = new List<CharterError>();
        var charter = ReadDocument(stream.Documents[0].RootNode, Digest(bytes), errors);
        return errors.Count == 0 ? new CharterLoad(charter, []) : new CharterLoad(null, errors);
    }

    private static CharterLoad Fail(CharterError error) => new(null, [error]);

    /// <summary>The digest a charter is known by: SHA-256 of its UTF-8 text, lowercase hex.</summary>
    public static string Digest(string text) => Digest(Encoding.UTF8.GetBytes(text));

    private static string Digest(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static Charter? ReadDocument(YamlNode root, string digest, List<CharterError> errors)
    {
        var top = YamlFields.Of(root, "the charter", errors);
        if (top is null)
        {
            return null;
        }

        top.AllowOnly("charter", "version", "title", "description", "conflict-of-interest", "decisions");
        var name = top.Text("charter", required: true, maxLength: 64);
        if (name is not null && !NamePattern().IsMatch(name))
        {
            YamlFields.Add(errors, top.Get("charter", false)!, $"charter name '{name}' must be lowercase letters, digits and '-' (for example 'preparedness-style').");
        }

        var version = top.Integer("version", required: true, min: 1, max: 1_000_000);
        var title = top.Text("title", required: true);
        var description = top.Text("description", required: false, maxLength: 4000);
        var defaultRecusal = top.Get("conflict-of-interest", false) is { } coi
            ? RecusalOf(coi, "conflict-of-interest", RecusalRules.Default, errors)
            : RecusalRules.Default;

        var rules = new Dictionary<string, DecisionRule>(StringComparer.Ordinal);
        if (top.Get("decisions", required: true) is { } decisionsNode && YamlFields.Of(decisionsNode, "'decisions'", errors) is { } decisions)
        {
            foreach (var (type, keyNode, value) in decisions.Entries)
            {
                if (!DecisionTypes.IsKnown(type))
                {
                    YamlFields.Add(errors, keyNode, $"unknown decision type '{type}'; types are: {string.Join(", ", DecisionTypes.All)}.");
                    continue;
                }

                if (RuleOf(type, value, defaultRecusal, errors) is { } rule)
                {
                    rules[type] = rule;
                }
            }

            var missing = DecisionTypes.All.Where(t => !rules.ContainsKey(t) && !decisions.Entries.Any(e => e.Key == t)).ToList();
            foreach (var type in missing.ToList())
            {
                // A type added after charters were written (waiver) is decided as its default type says.
                if (DecisionTypes.DefaultsTo(type) is { } fallback)
                {
                    missing.Remove(type);
                    if (rules.TryGetValue(fallback, out var rule))
                    {
                        rules[type] = rule with { Type = type };
                    }
                }
            }

            if (missing.Count > 0)
            {
                YamlFields.Add(errors, decisionsNode, $"'decisions' must say how every type is decided; missing: {string.Join(", ", missing)}.");
            }
        }

        return name is null || version is null || title is null
            ? null
            : new Charter(name, version.Value, title, description, digest, rules);
    }

    private static DecisionRule? RuleOf(string type, YamlNode node, RecusalRules defaultRecusal, List<CharterError> errors)
    {
        var where = $"decision type '{type}'";
        var fields = YamlFields.Of(node, where, errors);
        if (fields is null)
        {
            return null;
        }

        fields.AllowOnly("stages", "veto", "review", "conflict-of-interest");
        var stages = new List<Stage>();
        var stagesNode = fields.Get("stages", required: true);
        if (stagesNode is YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            foreach (var item in sequence.Children)
            {
                if (StageOf(item, where, errors) is not { } stage)
                {
                    continue;
                }

                if (stages.Any(s => s.Name == stage.Name))
                {
                    YamlFields.Add(errors, item, $"{where} has two stages named '{stage.Name}'; stage names must differ.");
                    continue;
                }

                stages.Add(stage);
            }

            if (stages.Count == sequence.Children.Count && stages[^1].Kind != StageKind.Approve)
            {
                YamlFields.Add(errors, sequence.Children[^1],
                    $"the last stage of {where} only recommends; a decision must end with a stage of kind 'approve' that decides.");
            }
        }
        else if (stagesNode is not null)
        {
            YamlFields.Add(errors, stagesNode, $"'stages' of {where} must be a non-empty list of stages.");
        }

        var veto = fields.Roles("veto");
        ReviewWindow? review = null;
        if (fields.Get("review", false) is { } reviewNode && YamlFields.Of(reviewNode, $"'review' of {where}", errors) is { } r)
        {
            r.AllowOnly("role", "within-days");
            var role = r.Get("role", required: true) is { } roleNode ? YamlFields.RoleOf(roleNode, $"'review' of {where}", errors) : null;
            var days = r.Integer("within-days", required: true, min: 1, max: ReviewWindow.MaxDays);
            review = role is null || days is null ? null : new ReviewWindow(role, days.Value);
        }

        var recusal = fields.Get("conflict-of-interest", false) is { } coi
            ? RecusalOf(coi, $"'conflict-of-interest' of {where}", defaultRecusal, errors)
            : defaultRecusal;
        return new DecisionRule(type, stages, veto, review, recusal);
    }

    private static Stage? StageOf(YamlNode node, string where, List<CharterError> errors)
    {
        var fields = YamlFields.Of(node, $"a stage of {where}", errors);
        if (fields is null)
        {
            return null;
        }

        fields.AllowOnly("name", "role", "quorum", "kind");
        var name = fields.Text("name", required: true, maxLength: 64);
        var label = name is null ? $"a stage of {where}" : $"stage '{name}' of {where}";
        var role = fields.Get("role", required: true) is { } roleNode ? YamlFields.RoleOf(roleNode, label, errors) : null;
        Quorum? quorum = null;
        if (fields.Get("quorum", required: true) is { } quorumNode)
        {
            string? error = "quorum must be written 'k of n', such as '2 of 3'.";
            if (quorumNode is YamlScalarNode { Value: { } text } && Quorum.TryParse(text, out var q, out error))
            {
                quorum = q;
            }
            else
            {
                YamlFields.Add(errors, quorumNode, $"{label}: {error}");
            }
        }

        var kind = StageKind.Approve;
        if (fields.Get("kind", false) is { } kindNode)
        {
            switch ((kindNode as YamlScalarNode)?.Value)
            {
                case "approve": kind = StageKind.Approve; break;
                case "recommend": kind = StageKind.Recommend; break;
                default:
                    YamlFields.Add(errors, kindNode, $"kind of {label} must be 'approve' or 'recommend'.");
                    break;
            }
        }

        return name is null || role is null || quorum is null ? null : new Stage(name, role, quorum.Value, kind);
    }

    private static RecusalRules RecusalOf(YamlNode node, string where, RecusalRules defaults, List<CharterError> errors)
    {
        var fields = YamlFields.Of(node, where, errors);
        if (fields is null)
        {
            return defaults;
        }

        fields.AllowOnly("opener-recused", "may-recuse-others");
        var opener = fields.Boolean("opener-recused") ?? defaults.OpenerRecused;
        var others = fields.Get("may-recuse-others", false) is null ? defaults.MayRecuseOthers : fields.Roles("may-recuse-others");
        return new RecusalRules(opener, others);
    }

    /// <summary>YamlDotNet's message without the position it repeats (the error carries it already).</summary>
    private static string Describe(YamlException e)
    {
        var message = e.InnerException is YamlException inner && !string.IsNullOrEmpty(inner.Message) ? inner.Message : e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && cut > 0 ? message[(cut + 3)..] : message;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex NamePattern();
}
