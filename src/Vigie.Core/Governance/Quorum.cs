using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigie.Core.Governance;

/// <summary>
/// "k of n": a stage has n seats and passes with k approvals. It fails once more than n − k
/// seats rejected, because k approvals can then no longer be reached.
/// </summary>
public readonly partial record struct Quorum(int K, int N)
{
    public const int MaxSeats = 100;

    public bool IsReachedBy(int approvals) => approvals >= K;

    public bool IsDefeatedBy(int rejections) => rejections > N - K;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{K} of {N}");

    /// <summary>Parses "k of n"; the error says what was wrong and what is expected.</summary>
    public static bool TryParse(string text, out Quorum quorum, out string? error)
    {
        quorum = default;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            error = $"quorum must be written 'k of n' (for example '2 of 3'), not '{text}'.";
            return false;
        }

        if (!int.TryParse(match.Groups["k"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var k) ||
            !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ||
            n > MaxSeats)
        {
            error = $"quorum '{text}' has more than {MaxSeats} seats.";
            return false;
        }

        if (k < 1)
        {
            error = $"quorum '{text}' needs at least one approval (k ≥ 1).";
            return false;
        }

        if (k > n)
        {
            error = $"quorum '{text}' asks for more approvals ({k}) than there are seats ({n}); k must not exceed n.";
            return false;
        }

        quorum = new Quorum(k, n);
        error = null;
        return true;
    }

    [GeneratedRegex(@"^\s*(?<k>[0-9]{1,4})\s+of\s+(?<n>[0-9]{1,4})\s*$")]
    private static partial Regex Pattern();
}
