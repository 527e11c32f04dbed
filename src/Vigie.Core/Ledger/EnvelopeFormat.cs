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

    public static bool TryParseTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(
            text,
            TimeFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out time);

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
