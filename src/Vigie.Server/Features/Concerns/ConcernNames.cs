using System.Globalization;
using System.Security.Cryptography;

namespace Vigie.Server.Features.Concerns;

/// <summary>The fixed vocabularies of the channel and its ids.</summary>
public static class ConcernNames
{
    public static readonly IReadOnlyList<string> Categories =
        ["safety", "security", "legal-compliance", "misconduct", "retaliation", "other"];

    public static readonly IReadOnlyList<string> Outcomes =
        ["substantiated", "partially-substantiated", "not-substantiated", "referred-externally", "insufficient-information", "withdrawn"];

    /// <summary>Step names as the conversation shows them.</summary>
    public const string StepAcknowledged = "acknowledged";
    public const string StepReplied = "replied";
    public const string StepAnswered = "answered";
    public const string StepClosed = "closed";
    public const string StepEscalated = "escalated";
    public const string StepFiled = "filed";

    private const string IdAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>"C-" and 10 random Crockford symbols: random, so ids say nothing about order or volume.</summary>
    public static string NewId() =>
        "C-" + string.Create(10, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = IdAlphabet[RandomNumberGenerator.GetInt32(IdAlphabet.Length)];
            }
        });

    public static bool IsId(string? id) =>
        id is { Length: 12 } && id.StartsWith("C-", StringComparison.Ordinal) && id.AsSpan(2).IndexOfAnyExcept(IdAlphabet) < 0;

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads "2026-Q4" into its first and last day.</summary>
    public static bool TryParseQuarter(string? text, out DateOnly first, out DateOnly last)
    {
        first = last = default;
        if (text is not { Length: 7 } || text[4] != '-' || text[5] != 'Q' || text[6] is < '1' or > '4'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000)
        {
            return false;
        }

        first = new DateOnly(year, (text[6] - '1') * 3 + 1, 1);
        last = first.AddMonths(3).AddDays(-1);
        return true;
    }
}
