using Vigie.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Policies;

/// <summary>
/// The fields of one mapping of a policy (<see cref="YamlMapping"/>): mistakes become
/// <see cref="PolicyError"/>s carrying the rule's id once known; and the document's own parse,
/// which refuses anchors, aliases and more than one document.
/// </summary>
internal sealed class PolicyYaml : YamlMapping
{
    private readonly List<PolicyError> _errors;

    private PolicyYaml(YamlMappingNode node, string where, List<PolicyError> errors)
        : base(node, where) => _errors = errors;

    /// <summary>The rule id errors are reported under (null for the document's own fields).</summary>
    public string? RuleId { get; set; }

    public static PolicyYaml? Of(YamlNode node, string where, List<PolicyError> errors, string? ruleId = null)
    {
        if (node is YamlMappingNode mapping)
        {
            return new PolicyYaml(mapping, where, errors) { RuleId = ruleId };
        }

        Add(errors, ruleId, node, $"{where} must be a mapping of 'key: value' lines.");
        return null;
    }

    /// <summary>
    /// Parses one YAML document. Anchors and aliases are refused (a policy has no use for them, and
    /// an alias bomb must not reach the reader); a syntax error is reported at its position.
    /// </summary>
    public static YamlNode? Parse(string text, List<PolicyError> errors)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            var documents = 0;
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        errors.Add(new PolicyError(null, alias.Start.Line, alias.Start.Column, "YAML aliases (*name) are not allowed in a policy; write each value out."));
                        return null;
                    case NodeEvent { Anchor.IsEmpty: false } anchored:
                        errors.Add(new PolicyError(null, anchored.Start.Line, anchored.Start.Column, "YAML anchors (&name) are not allowed in a policy; write each value out."));
                        return null;
                    case DocumentStart when ++documents > 1:
                        errors.Add(new PolicyError(null, parser.Current.Start.Line, parser.Current.Start.Column, "A policy file holds one YAML document; remove the '---' and what follows."));
                        return null;
                }
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                errors.Add(new PolicyError(null, 0, 0, "The policy is empty."));
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var message = e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
            errors.Add(new PolicyError(null, e.Start.Line, e.Start.Column, $"The policy is not valid YAML: {message}"));
            return null;
        }
    }

    public override void Report(YamlNode node, string message) => Add(_errors, RuleId, node, message);

    /// <summary>A non-empty, not blank text of at most <paramref name="maxLength"/> characters, with its node.</summary>
    public (string? Text, YamlScalarNode? Node) Text(string key, bool required, int maxLength) => Scalar(key, required, maxLength, blankAllowed: false);

    public void Error(YamlNode node, string message) => Report(node, message);

    public static void Add(List<PolicyError> errors, string? ruleId, YamlNode node, string message) =>
        errors.Add(new PolicyError(ruleId, node.Start.Line, node.Start.Column, message));
}
