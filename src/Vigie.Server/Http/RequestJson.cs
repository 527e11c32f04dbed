using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigie.Server.Http;

/// <summary>
/// Reads a JSON request body strictly: refused early when larger than the endpoint allows,
/// unknown fields and missing required fields are errors that name the field, and nothing
/// reaches the ledger until the whole body made sense.
/// </summary>
public static class RequestJson
{
    public const int DefaultLimit = 64 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    public readonly record struct Outcome<T>(T? Value, IResult? Problem);

    public static async Task<Outcome<T>> ReadAsync<T>(HttpRequest request, int limit = DefaultLimit)
        where T : class
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, Problems.UnsupportedMediaType("Send the body as JSON with Content-Type: application/json."));
        }

        if (request.ContentLength > limit)
        {
            return new(null, Problems.TooLarge($"The body is {request.ContentLength} bytes; this endpoint takes at most {limit}."));
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return new(null, Problems.TooLarge($"The body is larger than the {limit} bytes this endpoint takes."));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return new(null, Problems.BadRequest("The body is empty; send a JSON object."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null
                ? new(null, Problems.BadRequest("The body is JSON null; send a JSON object."))
                : new(value, null);
        }
        catch (JsonException ex)
        {
            return new(null, Problems.BadRequest(Describe(ex), "The body is not valid JSON for this request"));
        }
    }

    private static string Describe(JsonException ex)
    {
        // System.Text.Json messages name the path and the reason; keep them, drop the .NET type names.
        var message = ex.Message;
        var typeHint = message.IndexOf(" Path:", StringComparison.Ordinal);
        var path = string.IsNullOrEmpty(ex.Path) ? "" : $" (at {ex.Path})";
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var start = message.IndexOf('\'');
            var end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
            var field = start >= 0 && end > start ? message[(start + 1)..end] : "?";
            return $"Unknown field '{field}'.";
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal) ||
            message.Contains("missing required", StringComparison.Ordinal))
        {
            var start = message.IndexOf("properties", StringComparison.Ordinal);
            return "A required field is missing: " + (start >= 0 ? message[(start + 10)..].Split('.')[0].Trim(' ', ':', '\'') : message) + ".";
        }

        if (typeHint > 0)
        {
            message = message[..typeHint];
        }

        return $"{message.Replace("System.", "", StringComparison.Ordinal)}{path}".Trim();
    }
}
