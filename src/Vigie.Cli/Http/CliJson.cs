using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vigie.Cli.Http;

/// <summary>JSON settings: compact for requests, indented and unescaped ('+' in base64 stays '+') for --json output.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
