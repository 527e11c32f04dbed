using System.Text.Json;

namespace Vigie.Cli.Http;

/// <summary>Reading fields of server JSON for display: a missing or null field shows as empty.</summary>
internal static class JsonFields
{
    public static string Text(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Null or JsonValueKind.Undefined => "",
                _ => value.GetRawText(),
            }
            : "";
}
