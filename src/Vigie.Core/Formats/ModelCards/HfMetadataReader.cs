using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Maps Hugging Face front matter onto card fields. Unknown keys go to <c>extra</c> as they
/// are; a known key whose value does not fit its field (a co2 figure written as text, say) is
/// kept in <c>extra</c> too, with a warning, rather than rejected or silently changed.
/// </summary>
internal sealed class HfMetadataReader(ImportContext context)
{
    private readonly JsonObject card = [];
    private readonly JsonObject extra = [];

    public JsonObject Read(JsonObject metadata)
    {
        foreach (var (key, value) in metadata)
        {
            var simple = HfKeys.Simple.FirstOrDefault(k => k.Key == key);
            if (simple.Key is not null)
            {
                Place(simple.Path, value, key, v => extra[key] = v, "extra." + key);
            }
            else if (key == HfKeys.Co2)
            {
                ReadCo2(value);
            }
            else if (key == HfKeys.ModelIndex)
            {
                new ModelIndexReader(context, this).Read(value, extra);
            }
            else if (key == HfKeys.Vigie)
            {
                ReadVigie(value);
            }
            else
            {
                extra[key] = value?.DeepClone();
            }
        }

        if (extra.Count > 0)
        {
            card[CardSchema.Extra] = extra;
        }

        return card;
    }

    /// <summary>Puts a value in its field, or hands it to <paramref name="keep"/> with a warning.</summary>
    public void Place(string path, JsonNode? value, string origin, Action<JsonNode?> keep, string keptIn)
    {
        var field = CardSchema.Find(path)!;
        if (JsonNodes.IsEmpty(value))
        {
            return;
        }

        var fitted = context.Fit(field, value, out var problem);
        if (problem is not null)
        {
            context.KeptAside(origin, value, problem, keptIn);
            keep(value?.DeepClone());
            return;
        }

        if (card[field.Group] is not JsonObject group)
        {
            group = [];
            card[field.Group] = group;
        }

        group[field.Name] = fitted;
    }

    private void ReadCo2(JsonNode? value)
    {
        if (value is JsonObject map)
        {
            var kept = new JsonObject();
            foreach (var (key, item) in map)
            {
                var known = HfKeys.Co2Map.FirstOrDefault(k => k.Key == key);
                if (known.Key is null)
                {
                    kept[key] = item?.DeepClone();
                    continue;
                }

                Place(known.Path, item, $"{HfKeys.Co2}.{key}", v => kept[key] = v, $"extra.{HfKeys.Co2}.{key}");
            }

            if (kept.Count > 0)
            {
                extra[HfKeys.Co2] = kept;
            }

            return;
        }

        // Older cards write the emissions as a bare number of grams.
        Place(HfKeys.Co2Map[0].Path, value, HfKeys.Co2, v => extra[HfKeys.Co2] = v, "extra." + HfKeys.Co2);
    }

    /// <summary>Reads back the fields a Vigie export wrote under <c>vigie:</c> (those no Hugging Face key holds).</summary>
    private void ReadVigie(JsonNode? value)
    {
        if (value is not JsonObject groups)
        {
            context.KeptAside(HfKeys.Vigie, value, "is not a mapping of card groups", "extra.vigie");
            extra[HfKeys.Vigie] = value?.DeepClone();
            return;
        }

        var kept = new JsonObject();
        foreach (var (groupName, fields) in groups)
        {
            var group = CardSchema.FindGroup(groupName);
            if (group is null || fields is not JsonObject fieldValues)
            {
                kept[groupName] = fields?.DeepClone();
                continue;
            }

            foreach (var (name, item) in fieldValues)
            {
                var path = $"{groupName}.{name}";
                void Keep(JsonNode? v) => ((JsonObject)(kept[groupName] ??= new JsonObject()))[name] = v;
                if (CardSchema.Find(path) is null)
                {
                    Keep(item?.DeepClone());
                    continue;
                }

                Place(path, item, $"{HfKeys.Vigie}.{path}", Keep, $"extra.{HfKeys.Vigie}.{path}");
            }
        }

        if (kept.Count > 0)
        {
            extra[HfKeys.Vigie] = kept;
        }
    }
}
