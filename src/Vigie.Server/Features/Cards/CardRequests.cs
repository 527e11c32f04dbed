using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Cards;

/// <summary>What card writes take: the PUT body, the revision the writer edited, an imported README.</summary>
public static partial class CardRequests
{
    /// <summary>A card is at most 40 kB canonical; its JSON with whitespace, and the README it came from, may be larger.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public const int MaxReadmeBytes = 512 * 1024;

    public sealed record PutCard(JsonElement Card, long? BaseRevision = null, bool? Material = null, string? Note = null, string? Visibility = null);

    /// <summary>
    /// The revision the writer edited: <c>If-Match: "r&lt;N&gt;"</c> (the ETag of GET …/card) or
    /// <paramref name="stated"/> (baseRevision). Without either a write could silently undo
    /// someone else's, so it is refused with 428.
    /// </summary>
    public static IResult? BaseRevision(HttpContext context, long? stated, out long baseRevision)
    {
        baseRevision = 0;
        var header = context.Request.Headers.IfMatch.ToString();
        long? fromHeader = null;
        if (header.Length > 0)
        {
            var match = ETagPattern().Match(header.Trim());
            if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Problems.BadRequest($"If-Match must be the card's ETag, e.g. \"r3\"; got {Shorten(header)}.");
            }

            fromHeader = parsed;
        }

        if (fromHeader is not null && stated is not null && fromHeader != stated)
        {
            return Problems.BadRequest($"If-Match says revision {fromHeader} but baseRevision says {stated}; send one.");
        }

        if ((fromHeader ?? stated) is not { } known)
        {
            return Problems.Problem(StatusCodes.Status428PreconditionRequired, "Say which revision you edited",
                "Send If-Match: \"r<N>\" (the ETag of GET …/card) or baseRevision N, 0 for a version without a card, so a save cannot undo someone else's.");
        }

        if (known < 0)
        {
            return Problems.BadRequest("baseRevision cannot be negative.");
        }

        baseRevision = known;
        return null;
    }

    public static string? CheckNote(string? note) => note is null ? null : TextRules.Check("note", note, 1, 1000, multiline: true);

    /// <summary>A README sent as the request body (text/markdown or text/plain, UTF-8), refused early when too large.</summary>
    public static async Task<(string? Text, byte[]? Bytes, IResult? Problem)> ReadReadmeAsync(HttpRequest request)
    {
        var type = request.ContentType ?? "";
        if (!(type.StartsWith("text/markdown", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) ||
              type.StartsWith("text/x-markdown", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, null, Problems.UnsupportedMediaType("Send the README.md as the body with Content-Type: text/markdown; charset=utf-8."));
        }

        if (request.ContentLength > MaxReadmeBytes)
        {
            return (null, null, Problems.TooLarge($"The README is {request.ContentLength} bytes; at most {MaxReadmeBytes} are taken."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxReadmeBytes)
            {
                return (null, null, Problems.TooLarge($"The README is larger than the {MaxReadmeBytes} bytes taken."));
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            return (null, null, Problems.BadRequest("The body is empty; send the README.md text."));
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), bytes, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, null, Problems.BadRequest("The README is not valid UTF-8."));
        }
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    [GeneratedRegex("^\"r([0-9]{1,18})\"$")]
    private static partial Regex ETagPattern();
}
