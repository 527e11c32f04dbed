using System.Text.Json.Nodes;

namespace Vigie.Core.Policies;

/// <summary>
/// One dossier value a rule read: its path (see <c>docs/dossier.md</c>, "What a gate result
/// shows") and the value, null when absent. A path through <c>[*]</c> gives the list of values
/// found in every element. The value is looked up in the (immutable) dossier when first asked
/// for, so evaluating a gate does not pay for values nobody reads.
/// </summary>
public sealed class RuleRead
{
    private readonly ReadPath _path;
    private readonly object? _dossier;
    private object? _raw;
    private bool _found;

    internal RuleRead(ReadPath path, object? dossier)
    {
        _path = path;
        _dossier = dossier;
    }

    public string Path => _path.Text;

    /// <summary>The value as JSON (numbers as RFC 8785 writes them), a new node on every call.</summary>
    public JsonNode? Value => CelValues.ToJsonNode(Raw);

    internal object? Raw
    {
        get
        {
            // A race computes the same value twice; both writes store equal results.
            if (!_found)
            {
                _raw = CelValues.Read(_dossier, _path);
                _found = true;
            }

            return _raw;
        }
    }
}
