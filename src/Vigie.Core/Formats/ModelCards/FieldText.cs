using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// A field's value as a person types it (a form input, <c>vigie card edit --set path=value</c>)
/// and back. Lists: JSON arrays, or one item per line (token lists also take commas); maps:
/// <c>name = value</c> lines or a JSON object; records: JSON. Empty text means "no value".
/// </summary>
public static class FieldText
{
    /// <summary>Parses typed text into the field's JSON value (null when empty), or says why it cannot.</summary>
    public static bool TryParse(CardField field, string text, out JsonNode? value, out string? error)
    {
        value = null;
        error = null;
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        switch (field.Kind)
        {
            case CardFieldKind.Integer or CardFieldKind.Number:
                return TryNumber(text.Trim().Replace("_", "", StringComparison.Ordinal), out value, out error);
            case CardFieldKind.NumberOrText:
                value = TryNumber(text.Trim(), out var number, out _) ? number : JsonValue.Create(text.Trim());
                return true;
            case CardFieldKind.Boolean:
                if (bool.TryParse(text.Trim(), out var flag))
                {
                    value = JsonValue.Create(flag);
                    return true;
                }

                error = $"must be true or false; got '{FieldRules.Shorten(text.Trim())}'.";
                return false;
            case CardFieldKind.TokenList or CardFieldKind.TextList:
                if (text.TrimStart().StartsWith('['))
                {
                    return TryJson(text, out value, out error);
                }

                var separators = field.Kind == CardFieldKind.TokenList ? new[] { ',', '\n' } : ['\n'];
                value = new JsonArray([.. text.Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(item => (JsonNode)JsonValue.Create(item))]);
                return true;
            case CardFieldKind.Map:
                return text.TrimStart().StartsWith('{') ? TryJson(text, out value, out error) : TryPairs(text, out value, out error);
            case CardFieldKind.Records or CardFieldKind.Json:
                return TryJson(text, out value, out error);
            case CardFieldKind.Prose:
                value = JsonValue.Create(text.Trim('\n'));
                return true;
            default:
                value = JsonValue.Create(text.Trim());
                return true;
        }
    }

    /// <summary>The field's value as text to edit (the inverse of <see cref="TryParse"/>).</summary>
    public static string Format(CardField field, JsonNode? value)
    {
        if (value is null)
        {
            return "";
        }

        return field.Kind switch
        {
            CardFieldKind.TokenList or CardFieldKind.TextList when value is JsonArray list =>
                string.Join("\n", list.Select(i => JsonNodes.StringOrNull(i) ?? i?.ToJsonString() ?? "")),
            CardFieldKind.Map when value is JsonObject map =>
                string.Join("\n", map.Select(p => $"{p.Key} = {JsonNodes.StringOrNull(p.Value) ?? p.Value?.ToJsonString()}")),
            CardFieldKind.Records or CardFieldKind.Json => value.ToJsonString(Indented),
            _ when JsonNodes.TryGetDouble(value, out var d) => Json.Jcs.SerializeNumber(d),
            _ => JsonNodes.StringOrNull(value) ?? value.ToJsonString(),
        };
    }

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static bool TryNumber(string text, out JsonNode? value, out string? error)
    {
        value = null;
        error = null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            value = JsonNodes.Number(d);
            return true;
        }

        error = $"must be a number, e.g. 3.8e25 or 1200; got '{FieldRules.Shorten(text)}'.";
        return false;
    }

    private static bool TryJson(string text, out JsonNode? value, out string? error)
    {
        value = null;
        error = null;
        try
        {
            value = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = Json.Jcs.MaxDepth });
            return true;
        }
        catch (JsonException e)
        {
            error = $"is not valid JSON: {e.Message}";
            return false;
        }
    }

    private static bool TryPairs(string text, out JsonNode? value, out string? error)
    {
        value = null;
        error = null;
        var map = new JsonObject();
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = $"must be 'name = value' lines; '{FieldRules.Shorten(line)}' has no name before '='.";
                return false;
            }

            var key = line[..equals].Trim();
            if (map.ContainsKey(key))
            {
                error = $"names '{FieldRules.Shorten(key)}' twice.";
                return false;
            }

            map[key] = line[(equals + 1)..].Trim();
        }

        value = map;
        return true;
    }
}
