using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Lays an imported card over the current one, field by field: what the import fills in wins,
/// what it leaves empty keeps its current value. So re-importing an updated README does not wipe
/// the legal fields someone filled in by hand. Extra keys merge key by key; prose sections are
/// the import's when it has any.
/// </summary>
public static class CardMerge
{
    public static CardParseResult Overlay(ModelCard current, ModelCard incoming)
    {
        var merged = current.ToJsonObject();
        foreach (var field in CardSchema.Fields)
        {
            if (incoming.Get(field.Path) is { } value)
            {
                var group = merged[field.Group] as JsonObject ?? [];
                group[field.Name] = value;
                merged[field.Group] = group;
            }
        }

        var extra = merged[CardSchema.Extra] as JsonObject ?? [];
        foreach (var (key, value) in incoming.Extra)
        {
            extra[key] = value?.DeepClone();
        }

        merged[CardSchema.Extra] = extra;
        if (incoming.Get(CardSchema.Sections) is { } sections)
        {
            merged[CardSchema.Sections] = sections;
        }

        return ModelCard.FromJson(merged);
    }
}
