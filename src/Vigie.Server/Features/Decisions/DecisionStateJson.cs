using System.Text.Json;
using System.Text.Json.Serialization;
using Vigie.Core.Governance;

namespace Vigie.Server.Features.Decisions;

/// <summary>
/// How the core's decision state is stored in the projection and how its enums are spelled in
/// the API: kebab-case ("approve-with-conditions"), the same as in entry bodies.
/// </summary>
public static class DecisionStateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(DecisionState state) => JsonSerializer.Serialize(state, Options);

    public static DecisionState Read(string json) =>
        JsonSerializer.Deserialize<DecisionState>(json, Options) ?? throw new InvalidDataException("A stored decision state is null.");

    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Name(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
