using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigie.Server.Ledger;

/// <summary>How entry bodies are written and read: camelCase, absent rather than null.</summary>
public static class BodyJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonElement ToElement<T>(T body) => JsonSerializer.SerializeToElement(body, Options);

    public static T Read<T>(JsonElement body) =>
        body.Deserialize<T>(Options) ?? throw new InvalidDataException($"An entry body is null where {typeof(T).Name} was expected.");
}
