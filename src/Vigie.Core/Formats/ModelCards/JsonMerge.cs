using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>Puts verbatim values back beside generated ones: objects merge key by key, and a generated value wins a clash.</summary>
internal static class JsonMerge
{
    public static void Into(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (!target.TryGetPropertyValue(key, out var existing))
            {
                target[key] = value?.DeepClone();
            }
            else if (existing is JsonObject a && value is JsonObject b)
            {
                Into(a, b);
            }
        }
    }
}
