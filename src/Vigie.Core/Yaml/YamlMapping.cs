using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Yaml;

/// <summary>
/// Reads the fields of one YAML mapping of a document people write (a charter, a policy):
/// required and unknown keys, bounded texts, each mistake reported with the node's line and column
/// through <see cref="Report"/>, so one reading reports every mistake. Subclasses say how a
/// mistake is recorded (the charter's and the policy's error types differ).
/// </summary>
internal abstract class YamlMapping
{
    protected YamlMapping(YamlMappingNode node, string where)
    {
        Node = node;
        Where = where;
    }

    public YamlMappingNode Node { get; }

    /// <summary>How the mapping is named in messages ("the charter", "rule 'x'").</summary>
    public string Where { get; }

    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries =>
        Node.Children.Select(kv => (kv.Key is YamlScalarNode { Value: { } text } ? text : "", kv.Key, kv.Value));

    /// <summary>Records one mistake at <paramref name="node"/>'s position.</summary>
    public abstract void Report(YamlNode node, string message);

    /// <summary>Reports keys that are not among <paramref name="known"/>: a typo must not be silently ignored.</summary>
    public void AllowOnly(params string[] known)
    {
        foreach (var (key, keyNode, _) in Entries)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                Report(keyNode, $"unknown key '{key}' in {Where}; expected one of: {string.Join(", ", known)}.");
            }
        }
    }

    public YamlNode? Get(string key, bool required)
    {
        foreach (var (name, _, value) in Entries)
        {
            if (name == key)
            {
                return value;
            }
        }

        if (required)
        {
            Report(Node, $"{Where} is missing '{key}'.");
        }

        return null;
    }

    /// <summary>
    /// A scalar of at most <paramref name="maxLength"/> characters, with its node; empty is refused,
    /// and so is whitespace only unless <paramref name="blankAllowed"/>.
    /// </summary>
    public (string? Text, YamlScalarNode? Node) Scalar(string key, bool required, int maxLength, bool blankAllowed)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return (null, null);
        }

        if (node is not YamlScalarNode { Value: { Length: > 0 } value } scalar || (!blankAllowed && string.IsNullOrWhiteSpace(value)))
        {
            Report(node, $"'{key}' in {Where} must be a non-empty text.");
            return (null, null);
        }

        if (value.Length > maxLength)
        {
            Report(node, $"'{key}' in {Where} is {value.Length} characters; at most {maxLength} are allowed.");
            return (null, null);
        }

        return (value, scalar);
    }
}
