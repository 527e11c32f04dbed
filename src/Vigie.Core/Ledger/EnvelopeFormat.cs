using System.Buffers;
using System.Globalization;
using System.Text;

namespace Vigie.Core.Ledger;

/// <summary>
/// Text forms of the envelope's fields and their validation. Every field is ASCII, so each rule is
/// written once, on bytes: a verifier checks the fields of every entry in the log straight from the
/// entry's bytes, and the string forms used elsewhere narrow to ASCII and run the same code.
/// </summary>
internal static class EnvelopeFormat
{
    public const int MaxKindLength = 100;
    public const int MaxActorLength = 64;
    public const string CommitmentPrefix = "sha256:";

    private const int TimeLength = 24;
    private const int CommitmentTextLength = 7 + (2 * Commitment.Length);

    private static readonly SearchValues<byte> LowerHexDigits = SearchValues.Create("0123456789abcdef"u8);

    // Always UTC with exactly three fractional digits, so one instant has one spelling.
    private const string TimeFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    /// <summary>True when <paramref name="kind"/> matches <c>\A[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+/v[1-9][0-9]{0,3}\z</c> in at most 100 characters.</summary>
    public static bool IsValidKind(string? kind)
    {
        Span<byte> bytes = stackalloc byte[MaxKindLength];
        return kind is not null && TryAscii(kind, bytes, out var length) && IsValidKind(bytes[..length]);
    }

    /// <summary>
    /// The kind pattern on bytes. It has one reading ('.' and '/' never occur inside a segment), so
    /// a single forward scan decides it.
    /// </summary>
    public static bool IsValidKind(ReadOnlySpan<byte> kind)
    {
        if (kind.Length is 0 or > MaxKindLength)
        {
            return false;
        }

        var i = 0;
        var segments = 0;
        while (true)
        {
            // [a-z][a-z0-9-]*
            if (i >= kind.Length || !IsLower(kind[i]))
            {
                return false;
            }

            i++;
            while (i < kind.Length && (IsLower(kind[i]) || IsDigit(kind[i]) || kind[i] == (byte)'-'))
            {
                i++;
            }

            segments++;
            if (i >= kind.Length || kind[i] != (byte)'.')
            {
                break;
            }

            i++;
        }

        // At least two segments, then /v[1-9][0-9]{0,3} and nothing after.
        if (segments < 2 || kind.Length - i < 3 || kind[i] != (byte)'/' || kind[i + 1] != (byte)'v' || kind[i + 2] is < (byte)'1' or > (byte)'9')
        {
            return false;
        }

        var version = kind[(i + 3)..];
        return version.Length <= 3 && version.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
    }

    /// <summary>True when <paramref name="actor"/> matches <c>\A[a-z0-9][a-z0-9._-]{0,63}\z</c>.</summary>
    public static bool IsValidActor(string? actor)
    {
        Span<byte> bytes = stackalloc byte[MaxActorLength];
        return actor is not null && TryAscii(actor, bytes, out var length) && IsValidActor(bytes[..length]);
    }

    public static bool IsValidActor(ReadOnlySpan<byte> actor)
    {
        if (actor.Length is 0 or > MaxActorLength || !(IsLower(actor[0]) || IsDigit(actor[0])))
        {
            return false;
        }

        foreach (var b in actor[1..])
        {
            if (!(IsLower(b) || IsDigit(b) || b is (byte)'.' or (byte)'_' or (byte)'-'))
            {
                return false;
            }
        }

        return true;
    }

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
    /// fixed-width digits, so a text that parses is the one spelling of its instant.
    /// </summary>
    public static bool TryParseTimeExact(string text, out DateTimeOffset time)
    {
        Span<byte> bytes = stackalloc byte[TimeLength];
        time = default;
        return TryAscii(text, bytes, out var length) && TryParseTimeExact(bytes[..length], out time);
    }

    public static bool TryParseTimeExact(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length != TimeLength || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)'T' || text[13] != (byte)':'
            || text[16] != (byte)':' || text[19] != (byte)'.' || text[23] != (byte)'Z')
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

    public static string FormatVisibility(Visibility visibility) => visibility switch
    {
        Visibility.Public => "public",
        Visibility.Internal => "internal",
        Visibility.Confidential => "confidential",
        _ => throw new ArgumentOutOfRangeException(nameof(visibility), visibility, "Unknown visibility."),
    };

    public static bool TryParseVisibility(string text, out Visibility visibility)
    {
        Span<byte> bytes = stackalloc byte[16];
        visibility = default;
        return TryAscii(text, bytes, out var length) && TryParseVisibility(bytes[..length], out visibility);
    }

    /// <summary>Exact, case-sensitive names: Enum.TryParse would also accept "Public" or "1".</summary>
    public static bool TryParseVisibility(ReadOnlySpan<byte> text, out Visibility visibility)
    {
        (var ok, visibility) = text switch
        {
            _ when text.SequenceEqual("public"u8) => (true, Visibility.Public),
            _ when text.SequenceEqual("internal"u8) => (true, Visibility.Internal),
            _ when text.SequenceEqual("confidential"u8) => (true, Visibility.Confidential),
            _ => (false, default),
        };
        return ok;
    }

    public static string FormatCommitment(byte[] commitment) =>
        CommitmentPrefix + Convert.ToHexStringLower(commitment);

    public static bool TryParseCommitment(string text, out byte[]? commitment)
    {
        Span<byte> bytes = stackalloc byte[CommitmentTextLength];
        commitment = null;
        if (!TryAscii(text, bytes, out var length) || !IsValidCommitment(bytes[..length]))
        {
            return false;
        }

        commitment = Convert.FromHexString(text.AsSpan(CommitmentPrefix.Length));
        return true;
    }

    /// <summary>"sha256:" and 64 lowercase hex digits: lowercase only, so one commitment has one spelling.</summary>
    public static bool IsValidCommitment(ReadOnlySpan<byte> text) =>
        text.Length == CommitmentTextLength
        && text.StartsWith("sha256:"u8)
        && text[CommitmentPrefix.Length..].IndexOfAnyExcept(LowerHexDigits) < 0;

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool IsLower(byte b) => b is >= (byte)'a' and <= (byte)'z';

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    /// <summary>Narrows a short string to its ASCII bytes; false when it holds anything else or does not fit.</summary>
    private static bool TryAscii(string text, Span<byte> destination, out int length)
    {
        length = text.Length;
        return text.Length <= destination.Length
            && Ascii.FromUtf16(text, destination, out length) == OperationStatus.Done;
    }
}
