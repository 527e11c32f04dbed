using System.Text.Json;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Gate;

/// <summary>Reads the gate's proposal bodies strictly: a missing field is no proposal, not a null inside one.</summary>
internal static class GateJson
{
    private static readonly JsonSerializerOptions Strict = new(BodyJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static T? Read<T>(JsonElement json) where T : class
    {
        try
        {
            return json.Deserialize<T>(Strict);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
