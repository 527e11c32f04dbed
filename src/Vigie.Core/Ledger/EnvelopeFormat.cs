using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigie.Core.Ledger;

/// <summary>Text forms of the envelope's fields and their validation.</summary>
internal static partial class EnvelopeFormat
{
    public const int MaxKindLength = 100;
    public const string CommitmentPrefix = "sha256:";

    // Always UTC with exactly three fractional digits, so one instant has one spelling.
    private const string TimeFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    // \z rather than $: $ also matches before a final "\n", which would let "a.b/v1\n" through.
    [GeneratedRegex(@"\A[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+/v[1-9][0-9]{0,3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex KindPattern();

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ActorPattern();

    public static bool IsValidKind(string? kind) =>
        kind is { Length: > 0 and <= MaxKindLength } && KindPattern().IsMatch(kind);

    public static bool IsValidActor(string? actor) =>
        actor is { Length: > 0 } && ActorPattern().IsMatch(actor);

    /// <summary>UTC, truncated to whole milliseconds: the precision the log records.</summary>
    public static DateTimeOffset NormalizeTime(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string FormatTime(DateTimeOffset time) =>
        NormalizeTime(time).UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses exactly the layout <see cref="FormatTime"/> writes ("2026-11-27T16:22:00.123Z"):
    /// fixed-width digits, so a text that parses is the one spelling of its instant. Hand-rolled
    /// because a verifier runs it once per entry of the whole log.
    /// </summary>
    public static bool TryParseTimeExact(string text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':'
            || text[16] != ':' || text[19] != '.' || text[23] != 'Z')
        {
            return false;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute)
            || !Digits(text, 17, 2, out var second) || !Digits(text, 20, 3, out var millisecond))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
        return true;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    public static string FormatVisibility(Visibility visibility) => visibility switch
    {
        Visibility.Public => "public",
        Visibility.Internal => "internal",
        Visibility.Confidential => "confidential",
        _ => throw new ArgumentOutOfRangeException(nameof(visibility), visibility, "Unknown visibility."),
    };

    public static bool TryParseVisibility(string text, out Visibility visibility)
    {
        // Exact, case-sensitive names: Enum.TryParse would also accept "Public" or "1".
        (var ok, visibility) = text switch
        {
            "public" => (true, Visibility.Public),
            "internal" => (true, Visibility.Internal),
            "confidential" => (true, Visibility.Confidential),
            _ => (false, default),
        };
        return ok;
    }

    public static string FormatCommitment(byte[] commitment) =>
        CommitmentPrefix + Convert.ToHexStringLower(commitment);

    public static bool TryParseCommitment(string text, out byte[]? commitment)
    {
        commitment = null;
        if (text.Length != CommitmentPrefix.Length + (2 * Commitment.Length)
            || !text.StartsWith(CommitmentPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var hex = text.AsSpan(CommitmentPrefix.Length);
        foreach (var c in hex)
        {
            // Lowercase only: one commitment, one spelling.
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        commitment = Convert.FromHexString(hex);
        return true;
    }
}
