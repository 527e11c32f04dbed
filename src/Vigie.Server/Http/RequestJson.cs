using System.Text.Json;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// Rewrites System.Text.Json's messages (which name .NET types) into ones that name the
    /// field and say what was expected.
    /// </summary>
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var field = FieldOf(ex.Path);
        var unknown = Regex.Match(message, "The JSON property '([^']*)' could not be mapped");
        if (unknown.Success)
        {
            return $"Unknown field '{unknown.Groups[1].Value}'.";
        }

        var missing = Regex.Match(message, "missing required properties including: (.*)\\.?$");
        if (missing.Success)
        {
            var names = Regex.Matches(missing.Groups[1].Value, "'([^']+)'").Select(m => m.Groups[1].Value);
            return $"Missing required field(s): {string.Join(", ", names)}.";
        }

        var converted = Regex.Match(message, "could not be converted to ([^ .]+(?:\\.[^ .]+)*)");
        if (converted.Success)
        {
            return field is null
                ? "The body must be a JSON object."
                : Expected(converted.Groups[1].Value) is { } expected
                    ? $"Field '{field}' must be {expected}."
                    : $"Field '{field}' has the wrong JSON type.";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message)
            .Replace(" which is not supported in this mode", "", StringComparison.Ordinal)
            .Replace(" Change the reader options.", "", StringComparison.Ordinal)
            .Trim();
        var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
        return text + where;
    }

    private static string? FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string? Expected(string type) => type switch
    {
        _ when type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "a list",
        _ when type.Contains("String", StringComparison.Ordinal) => "a string",
        _ when type.Contains("Int", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ => null,
    };
}
