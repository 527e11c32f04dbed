using System.Text.Json;

namespace Vigie.Cli.Http;

/// <summary>The sentence to show from an RFC 9457 problem response: its detail, else its title.</summary>
internal static class ProblemDetail
{
    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in (string[])["detail", "title"])
                {
                    if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } message)
                    {
                        return message;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // not a problem document: fall through to the status line
        }

        return $"{(int)response.StatusCode} {response.ReasonPhrase}".Trim();
    }
}
