using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Governance;

/// <summary>
/// Reads the fields of one YAML mapping, adding an error (with the node's line and column) for
/// each missing, mistyped or unknown key, so a charter reports all its mistakes at once.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly string _where;
    private readonly List<CharterError> _errors;

    private YamlFields(YamlMappingNode node, string where, List<CharterError> errors)
    {
        _node = node;
        _where = where;
        _errors = errors;
    }

    /// <summary>The mapping's fields, or null (with an error) when the node is not a mapping.</summary>
    public static YamlFields? Of(YamlNode node, string where, List<CharterError> errors)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlFields(mapping, where, errors);
        }

        Add(errors, node, $"{where} must be a mapping of 'key: value' lines.");
        return null;
    }

    public YamlNode Node => _node;

    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries =>
        _node.Children.Select(kv => (Key(kv.Key), kv.Key, kv.Value));

    /// <summary>Reports keys that are not among <paramref name="known"/>: a typo must not be silently ignored.</summary>
    public void AllowOnly(params string[] known)
    {
        foreach (var (key, keyNode, _) in Entries)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                Add(_errors, keyNode, $"unknown key '{key}' in {_where}; expected one of: {string.Join(", ", known)}.");
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
            Add(_errors, _node, $"{_where} is missing '{key}'.");
        }

        return null;
    }

    public string? Text(string key, bool required, int maxLength = 200)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } value } || value.Length == 0)
        {
            Add(_errors, node, $"'{key}' in {_where} must be a non-empty text.");
            return null;
        }

        if (value.Length > maxLength)
        {
            Add(_errors, node, $"'{key}' in {_where} is {value.Length} characters; at most {maxLength} are allowed.");
            return null;
        }

        return value;
    }

    public int? Integer(string key, bool required, int min, int max)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } &&
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) &&
            value >= min && value <= max)
        {
            return value;
        }

        Add(_errors, node, $"'{key}' in {_where} must be a whole number from {min} to {max}.");
        return null;
    }

    /// <summary>A finite number within [min, max] (risk frameworks' thresholds and margins).</summary>
    public double? Number(string key, bool required, double min, double max)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) &&
            double.IsFinite(value) && value >= min && value <= max)
        {
            return value;
        }

        Add(_errors, node, string.Create(CultureInfo.InvariantCulture, $"'{key}' in {_where} must be a number from {min} to {max}."));
        return null;
    }

    public bool? Boolean(string key)
    {
        var node = Get(key, required: false);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Add(_errors, node, $"'{key}' in {_where} must be true or false.");
        return null;
    }

    /// <summary>A list of role names; unknown roles are errors that list the known ones.</summary>
    public IReadOnlyList<string> Roles(string key)
    {
        var node = Get(key, required: false);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Add(_errors, node, $"'{key}' in {_where} must be a list of roles, such as [board].");
            return [];
        }

        var roles = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (RoleOf(item, $"'{key}' in {_where}", _errors) is { } role && !roles.Contains(role, StringComparer.Ordinal))
            {
                roles.Add(role);
            }
        }

        return roles;
    }

    public static string? RoleOf(YamlNode node, string where, List<CharterError> errors)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } role })
        {
            if (GovernanceRoles.IsKnown(role))
            {
                return role;
            }

            Add(errors, node, $"unknown role '{role}' in {where}; roles are: {string.Join(", ", GovernanceRoles.All)}.");
            return null;
        }

        Add(errors, node, $"{where} must name a role.");
        return null;
    }

    public static void Add(List<CharterError> errors, YamlNode node, string message) =>
        errors.Add(new CharterError(node.Start.Line, node.Start.Column, message));

    private static string Key(YamlNode key) => key is YamlScalarNode { Value: { } text } ? text : key.ToString();
}
