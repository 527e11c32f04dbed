using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Card fields a format has no place for, as name/value text pairs named <c>vigie:&lt;path&gt;</c>
/// (CycloneDX properties): one pair per list item, per map entry (<c>vigie:path.key</c>), and
/// per record (its JSON), so no field is lost on export.
/// </summary>
internal static class CardProperties
{
    public const string Prefix = "vigie:";

    public static IEnumerable<(string Name, string Value)> Of(ModelCard card, IReadOnlySet<string> placedElsewhere)
    {
        foreach (var field in CardSchema.Fields.Where(f => !placedElsewhere.Contains(f.Path)))
        {
            var value = card.Get(field.Path);
            var name = Prefix + field.Path;
            switch (value)
            {
                case null:
                    continue;
                case JsonArray list:
                    foreach (var item in list)
                    {
                        yield return (name, item is JsonObject ? item.ToJsonString() : FieldText.Format(field with { Kind = CardFieldKind.Text }, item));
                    }

                    break;
                case JsonObject map:
                    foreach (var (key, item) in map)
                    {
                        yield return (name + "." + key, JsonNodes.StringOrNull(item) ?? item?.ToJsonString() ?? "");
                    }

                    break;
                default:
                    yield return (name, FieldText.Format(field, value));
                    break;
            }
        }
    }
}
