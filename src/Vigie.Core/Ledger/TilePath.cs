using System.Globalization;
using System.Text;

namespace Vigie.Core.Ledger;

/// <summary>
/// Paths of C2SP tlog-tiles resources ("Merkle Tree" and "Log entries" sections):
/// <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> and <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c>, relative to the log prefix.
/// Parsing accepts only the canonical form, so one tile has exactly one path (and one cache key).
/// </summary>
public static class TilePath
{
    public const int Height = 8;
    public const int FullWidth = 256;

    /// <summary>tlog-tiles: "&lt;L&gt; … MUST be a decimal ASCII integer between 0 and 63".</summary>
    public const int MaxLevel = 63;

    /// <summary>Largest tile index we handle: 256·N must still be a valid (long) index.</summary>
    public const long MaxIndex = long.MaxValue >> Height;

    private const string Prefix = "tile/";
    private const string EntriesPrefix = "tile/entries/";
    private const string PartialMarker = ".p/";

    /// <summary>N as zero-padded 3-digit elements, all but the last prefixed by 'x' (1234067 → x001/x234/067).</summary>
    public static string IndexPath(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var groups = new Stack<long>();
        do
        {
            groups.Push(n % 1000);
            n /= 1000;
        }
        while (n > 0);

        var path = new StringBuilder();
        while (groups.Count > 0)
        {
            var group = groups.Pop();
            path.Append(groups.Count > 0 ? "x" : "").Append(group.ToString("D3", CultureInfo.InvariantCulture));
            if (groups.Count > 0)
            {
                path.Append('/');
            }
        }

        return path.ToString();
    }

    public static string Format(TileRef tile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tile.Index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tile.Index, MaxIndex);
        ArgumentOutOfRangeException.ThrowIfLessThan(tile.Width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tile.Width, FullWidth);
        var head = tile.Kind switch
        {
            TileKind.Hash when tile.Level is >= 0 and <= MaxLevel => Prefix + tile.Level.ToString(CultureInfo.InvariantCulture) + "/",
            TileKind.Entries when tile.Level == 0 => EntriesPrefix,
            _ => throw new ArgumentOutOfRangeException(nameof(tile), tile, "Hash tiles have level 0..63; entry bundles have level 0."),
        };
        var path = head + IndexPath(tile.Index);
        return tile.IsFull ? path : path + PartialMarker + tile.Width.ToString(CultureInfo.InvariantCulture);
    }

    public static bool TryParse(string path, out TileRef tile, out string? error)
    {
        tile = default;
        error = Parse(path, ref tile);
        return error is null;
    }

    /// <summary>
    /// The tiles a client reads to see the whole tree of <paramref name="treeSize"/> leaves: at each
    /// level l, floor(size / 256^l) hashes exist, making full tiles plus one partial tile of width
    /// (that count mod 256) when non-zero (tlog-tiles "Partial Tiles"). Entry bundles: see
    /// <see cref="EntryBundlesForSize"/>.
    /// </summary>
    public static IEnumerable<TileRef> TilesForSize(long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        return Enumerate(treeSize, TileKind.Hash);
    }

    /// <summary>The entry bundles holding every entry of a tree of <paramref name="treeSize"/> leaves.</summary>
    public static IEnumerable<TileRef> EntryBundlesForSize(long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        return Enumerate(treeSize, TileKind.Entries);
    }

    private static IEnumerable<TileRef> Enumerate(long treeSize, TileKind kind)
    {
        for (var level = 0; level <= MaxLevel; level++)
        {
            var shift = level * Height;
            if (shift >= 63 || treeSize >> shift == 0)
            {
                yield break;
            }

            var hashes = treeSize >> shift;
            var fullTiles = hashes / FullWidth;
            for (long n = 0; n < fullTiles; n++)
            {
                yield return new TileRef(kind, level, n, FullWidth);
            }

            if (hashes % FullWidth != 0)
            {
                yield return new TileRef(kind, level, fullTiles, (int)(hashes % FullWidth));
            }

            if (kind == TileKind.Entries)
            {
                yield break;
            }
        }
    }

    private static string? Parse(string? path, ref TileRef tile)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "The tile path is empty.";
        }

        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return $"A tile path starts with \"{Prefix}\" (relative, no leading slash): \"{Shorten(path)}\".";
        }

        TileKind kind;
        int level;
        string rest;
        if (path.StartsWith(EntriesPrefix, StringComparison.Ordinal))
        {
            (kind, level, rest) = (TileKind.Entries, 0, path[EntriesPrefix.Length..]);
        }
        else
        {
            var slash = path.IndexOf('/', Prefix.Length);
            if (slash < 0)
            {
                return $"The tile path has no index after the level: \"{Shorten(path)}\".";
            }

            var levelText = path[Prefix.Length..slash];
            if (!TryParseDecimal(levelText, 2, out var parsedLevel) || parsedLevel > MaxLevel)
            {
                return $"The tile level must be a decimal 0..63 without leading zeros, got \"{Shorten(levelText)}\".";
            }

            (kind, level, rest) = (TileKind.Hash, (int)parsedLevel, path[(slash + 1)..]);
        }

        var width = FullWidth;
        var marker = rest.IndexOf(PartialMarker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            var widthText = rest[(marker + PartialMarker.Length)..];
            if (!TryParseDecimal(widthText, 3, out var parsedWidth) || parsedWidth is < 1 or >= FullWidth)
            {
                return $"A partial tile width must be a decimal 1..255 without leading zeros, got \"{Shorten(widthText)}\".";
            }

            width = (int)parsedWidth;
            rest = rest[..marker];
        }

        if (ParseIndex(rest, out var index) is { } indexError)
        {
            return indexError;
        }

        tile = new TileRef(kind, level, index, width);
        return null;
    }

    /// <summary>Parses the x-prefixed 3-digit elements of N; only the canonical encoding is accepted.</summary>
    private static string? ParseIndex(string text, out long index)
    {
        index = 0;
        if (text.Length == 0)
        {
            return "The tile path has no index.";
        }

        var elements = text.Split('/');
        for (var i = 0; i < elements.Length; i++)
        {
            var last = i == elements.Length - 1;
            var element = elements[i];
            var digits = last ? element : element.StartsWith('x') ? element[1..] : null;
            if (digits is null)
            {
                return $"Index element \"{Shorten(element)}\" must start with 'x' (all but the last do).";
            }

            if (digits.Length != 3 || !digits.All(char.IsAsciiDigit))
            {
                return last && element.StartsWith('x')
                    ? $"The last index element \"{Shorten(element)}\" must be exactly 3 digits, without 'x'."
                    : $"Index element \"{Shorten(element)}\" must be exactly 3 digits.";
            }

            if (i == 0 && !last && digits == "000")
            {
                return "The tile index has a leading x000 element; the canonical form omits it.";
            }

            var value = (digits[0] - '0') * 100 + (digits[1] - '0') * 10 + (digits[2] - '0');
            if (index > (MaxIndex - value) / 1000)
            {
                return $"The tile index is too large (at most {MaxIndex}).";
            }

            index = index * 1000 + value;
        }

        return null;
    }

    /// <summary>ASCII decimal without sign or leading zeros, at most <paramref name="maxDigits"/> digits.</summary>
    private static bool TryParseDecimal(string text, int maxDigits, out long value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > maxDigits || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
