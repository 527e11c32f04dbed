using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// The differences between two cards, down to single values: objects are compared key by key,
/// lists item by item (extra items at the end are added or removed), and a value that changes
/// type is replaced whole. Paths are those of <see cref="CardPath"/>.
/// </summary>
public static class CardDiff
{
    public static IReadOnlyList<CardChange> Compute(ModelCard before, ModelCard after)
    {
        var changes = new List<CardChange>();
        Compare("", before.ToJsonObject(), after.ToJsonObject(), changes);
        return changes;
    }

    private static void Compare(string path, JsonNode? before, JsonNode? after, List<CardChange> changes)
    {
        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    var childPath = CardPath.Child(path, key);
                    var inA = a.TryGetPropertyValue(key, out var va);
                    var inB = b.TryGetPropertyValue(key, out var vb);
                    if (inA && !inB)
                    {
                        changes.Add(new CardChange(childPath, CardChange.Remove, va?.DeepClone(), null));
                    }
                    else if (!inA && inB)
                    {
                        changes.Add(new CardChange(childPath, CardChange.Add, null, vb?.DeepClone()));
                    }
                    else
                    {
                        Compare(childPath, va, vb, changes);
                    }
                }

                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    var itemPath = CardPath.Item(path, i);
                    if (i >= b.Count)
                    {
                        changes.Add(new CardChange(itemPath, CardChange.Remove, a[i]?.DeepClone(), null));
                    }
                    else if (i >= a.Count)
                    {
                        changes.Add(new CardChange(itemPath, CardChange.Add, null, b[i]?.DeepClone()));
                    }
                    else
                    {
                        Compare(itemPath, a[i], b[i], changes);
                    }
                }

                break;
            default:
                if (!SameValue(before, after))
                {
                    changes.Add(new CardChange(path, CardChange.Replace, before?.DeepClone(), after?.DeepClone()));
                }

                break;
        }
    }

    private static bool SameValue(JsonNode? a, JsonNode? b)
    {
        if (JsonNodes.TryGetDouble(a, out var x) && JsonNodes.TryGetDouble(b, out var y))
        {
            return x.Equals(y);
        }

        return JsonNodes.KindOf(a) == JsonNodes.KindOf(b) && JsonNode.DeepEquals(a, b);
    }
}
