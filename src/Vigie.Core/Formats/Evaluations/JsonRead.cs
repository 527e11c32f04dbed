using System.Globalization;
using System.Text.Json;

namespace Vigie.Core.Formats.Evaluations;

/// <summary>
/// Lenient reads of fields whose type varies between harness versions: a version that is a
/// number in one file and a string in the next, a time as ISO text or as Unix seconds.
/// </summary>
internal static class JsonRead
{
    public static JsonElement? Get(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    /// <summary>A string, or a number or boolean written as text; null for anything else.</summary>
    public static string? Text(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => NullIfEmpty(e.GetString()),
        { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    public static string? Text(JsonElement? element, string name) => Text(Get(element, name));

    /// <summary>A finite number, or a string holding one ("0.5"); null for "N/A" and anything else.</summary>
    public static double? Number(JsonElement? element)
    {
        double value;
        switch (element)
        {
            case { ValueKind: JsonValueKind.Number } e when e.TryGetDouble(out value):
                break;
            case { ValueKind: JsonValueKind.String } e when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value):
                break;
            default:
                return null;
        }

        return double.IsFinite(value) ? value : null;
    }

    public static long? Count(JsonElement? element) =>
        Number(element) is { } d && d >= 0 && d <= long.MaxValue && Math.Floor(d) == d ? (long)d : null;

    /// <summary>An ISO 8601 time with offset, or Unix seconds (lm-eval's <c>date</c>).</summary>
    public static DateTimeOffset? Time(JsonElement? element)
    {
        if (element is { ValueKind: JsonValueKind.Number } n && n.TryGetDouble(out var seconds) && seconds is > 0 and < 32_503_680_000)
        {
            return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        }

        return Text(element) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : null;
    }

    /// <summary>A name cut to the length Vigie keeps, with control characters removed.</summary>
    public static string Name(string text)
    {
        var clean = new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length <= EvaluationFormats.MaxNameLength ? clean : clean[..EvaluationFormats.MaxNameLength];
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
