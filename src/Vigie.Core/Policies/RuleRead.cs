using System.Text.Json.Nodes;

namespace Vigie.Core.Policies;

/// <summary>
/// One dossier value a rule read: its path (see <c>docs/dossier.md</c>, "What a gate result
/// shows") and the value, null when absent. A path through <c>[*]</c> gives the list of values
/// found in every element. The JSON value is made when first asked for: evaluating a gate does
/// not pay for it.
/// </summary>
public sealed class RuleRead
{
    private readonly Lazy<JsonNode?> _value;

    internal RuleRead(string path, object? raw)
    {
        Path = path;
        Raw = raw;
        _value = new Lazy<JsonNode?>(() => CelValues.ToJsonNode(raw));
    }

    public string Path { get; }

    /// <summary>The value as JSON (numbers as RFC 8785 writes them); a copy is safe to change.</summary>
    public JsonNode? Value => _value.Value?.DeepClone();

    internal object? Raw { get; }
}
