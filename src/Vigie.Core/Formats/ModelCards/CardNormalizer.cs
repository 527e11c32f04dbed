using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Brings a card to its one stored form before it is checked: values that say nothing (null,
/// blank text, empty lists and objects) are absent, so "not filled in" has one meaning for
/// profiles and diffs. Values kept verbatim (<c>extra</c> and JSON fields) are left as they are.
/// </summary>
internal static class CardNormalizer
{
    public static JsonNode? Clean(JsonNode? root)
    {
        if (root is not JsonObject card)
        {
            return root?.DeepClone();
        }

        var cleaned = new JsonObject();
        foreach (var (key, value) in card)
        {
            var group = CardSchema.FindGroup(key);
            JsonNode? kept = key switch
            {
                CardSchema.Extra => value?.DeepClone(),
                CardSchema.Sections => CleanValue(CardSchema.SectionsField, value),
                _ when group is not null && value is JsonObject fields => CleanFields(group.Fields, fields),
                _ => value?.DeepClone(),
            };

            // An unknown key stays, empty or not, so the validator can name it.
            if (!JsonNodes.IsEmpty(kept) || (group is null && key is not (CardSchema.Extra or CardSchema.Sections)))
            {
                cleaned[key] = kept;
            }
        }

        return cleaned;
    }

    private static JsonObject CleanFields(IReadOnlyList<CardField> fields, JsonObject value)
    {
        var cleaned = new JsonObject();
        foreach (var (key, item) in value)
        {
            var field = fields.FirstOrDefault(f => f.Name == key);
            var kept = field is null ? item?.DeepClone() : CleanValue(field, item);
            if (field is null || !JsonNodes.IsEmpty(kept))
            {
                cleaned[key] = kept;
            }
        }

        return cleaned;
    }

    private static JsonNode? CleanValue(CardField field, JsonNode? value)
    {
        switch (field.Kind)
        {
            case CardFieldKind.TokenList or CardFieldKind.TextList when value is JsonArray list:
                return new JsonArray([.. list.Where(i => !JsonNodes.IsEmpty(i)).Select(i => i!.DeepClone())]);
            case CardFieldKind.Records when value is JsonArray records:
                return new JsonArray([.. records
                    .Select(r => r is JsonObject o ? CleanFields(field.Children, o) : r?.DeepClone())
                    .Where(r => !JsonNodes.IsEmpty(r))]);
            default:
                return value?.DeepClone();
        }
    }
}
