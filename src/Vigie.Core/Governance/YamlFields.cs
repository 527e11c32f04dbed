using System.Globalization;
using Vigie.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Governance;

/// <summary>
/// The fields of one mapping of a charter (<see cref="YamlMapping"/>), with the readers only
/// charters need (numbers, booleans, roles); mistakes become <see cref="CharterError"/>s, all
/// reported at once.
/// </summary>
internal sealed class YamlFields : YamlMapping
{
    private readonly List<CharterError> _errors;

    private YamlFields(YamlMappingNode node, string where, List<CharterError> errors)
        : base(node, where) => _errors = errors;

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

    public override void Report(YamlNode node, string message) => Add(_errors, node, message);

    /// <summary>A non-empty text (whitespace is a text here: charters adopted before stay readable as they were).</summary>
    public string? Text(string key, bool required, int maxLength = 200) => Scalar(key, required, maxLength, blankAllowed: true).Text;

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

        Report(node, $"'{key}' in {Where} must be a whole number from {min} to {max}.");
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

        Report(node, string.Create(CultureInfo.InvariantCulture, $"'{key}' in {Where} must be a number from {min} to {max}."));
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

        Report(node, $"'{key}' in {Where} must be true or false.");
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
            Report(node, $"'{key}' in {Where} must be a list of roles, such as [board].");
            return [];
        }

        var roles = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (RoleOf(item, $"'{key}' in {Where}", _errors) is { } role && !roles.Contains(role, StringComparer.Ordinal))
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
}
