using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Builds Hugging Face front matter from a card: the keys Hugging Face defines, then the
/// verbatim <c>extra</c> keys, then a <c>vigie</c> mapping with every other field, so that
/// importing the README again gives the same card.
/// </summary>
internal static class HfMetadataWriter
{
    public static JsonObject Write(ModelCard card)
    {
        var metadata = new JsonObject();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, path) in HfKeys.Simple)
        {
            if (card.Get(path) is { } value)
            {
                metadata[key] = value;
                written.Add(path);
            }
        }

        WriteCo2(card, metadata, written);
        WriteModelIndex(card, metadata, written);

        var extra = card.Extra;
        if (extra[HfKeys.ModelIndex] is JsonArray unread && metadata[HfKeys.ModelIndex] is JsonArray index)
        {
            foreach (var entry in unread)
            {
                index.Add(entry?.DeepClone());
            }

            extra.Remove(HfKeys.ModelIndex);
        }

        var vigie = new JsonObject();
        foreach (var field in CardSchema.Fields.Where(f => !written.Contains(f.Path)))
        {
            if (card.Get(field.Path) is { } value)
            {
                ((JsonObject)(vigie[field.Group] ??= new JsonObject()))[field.Name] = value;
            }
        }

        var keptVigie = extra[HfKeys.Vigie]?.DeepClone();
        extra.Remove(HfKeys.Vigie);
        JsonMerge.Into(metadata, extra);
        if (keptVigie is JsonObject keptFields)
        {
            JsonMerge.Into(vigie, keptFields);
        }

        if (vigie.Count > 0)
        {
            metadata[HfKeys.Vigie] = vigie;
        }
        else if (keptVigie is not null)
        {
            // A 'vigie' key that was not Vigie's mapping, kept as it was.
            metadata[HfKeys.Vigie] = keptVigie;
        }

        return metadata;
    }

    private static void WriteCo2(ModelCard card, JsonObject metadata, HashSet<string> written)
    {
        if (card.Get(HfKeys.Co2Map[0].Path) is not { } grams)
        {
            return;
        }

        var others = HfKeys.Co2Map.Skip(1).Where(k => card.Has(k.Path)).ToList();
        if (others.Count == 0 && card.Extra[HfKeys.Co2] is not JsonObject)
        {
            metadata[HfKeys.Co2] = grams;
            written.Add(HfKeys.Co2Map[0].Path);
            return;
        }

        var map = new JsonObject { ["emissions"] = grams };
        written.Add(HfKeys.Co2Map[0].Path);
        foreach (var (key, path) in others)
        {
            map[key] = card.Get(path);
            written.Add(path);
        }

        metadata[HfKeys.Co2] = map;
    }

    private static void WriteModelIndex(ModelCard card, JsonObject metadata, HashSet<string> written)
    {
        if (card.Get(HfKeys.NamePath) is not { } name)
        {
            return;
        }

        var results = new JsonArray([.. card.Records(HfKeys.ResultsPath).Select(r => (JsonNode)ModelIndexWriter.Result(r))]);
        metadata[HfKeys.ModelIndex] = new JsonArray(new JsonObject { ["name"] = name, ["results"] = results });
        written.Add(HfKeys.NamePath);
        written.Add(HfKeys.ResultsPath);
    }
}
