using System.Buffers.Binary;

namespace Vigie.Core.Ledger;

/// <summary>
/// C2SP tlog-tiles entry bundles ("Log entries"): a sequence of entries, each prefixed by its
/// length as a big-endian uint16. A bundle holds 1..256 entries, like the tile it matches.
/// </summary>
public static class EntryBundle
{
    public const int MaxEntrySize = ushort.MaxValue;

    private const int LengthPrefix = sizeof(ushort);

    public static byte[] Encode(IReadOnlyList<byte[]> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfLessThan(entries.Count, 1, nameof(entries));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entries.Count, TilePath.FullWidth, nameof(entries));

        var total = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException($"Entry {i} is null.", nameof(entries));
            if (entry.Length > MaxEntrySize)
            {
                throw new ArgumentException(
                    $"Entry {i} is {entry.Length} bytes; an entry bundle holds at most {MaxEntrySize} bytes per entry.",
                    nameof(entries));
            }

            total += LengthPrefix + entry.Length;
        }

        var bundle = new byte[total];
        var offset = 0;
        foreach (var entry in entries)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bundle.AsSpan(offset), (ushort)entry.Length);
            entry.CopyTo(bundle, offset + LengthPrefix);
            offset += LengthPrefix + entry.Length;
        }

        return bundle;
    }

    public static bool TryDecode(ReadOnlySpan<byte> bundle, out List<byte[]> entries, out string? error)
    {
        Span<Range> ranges = new Range[TilePath.FullWidth];
        entries = [];
        if (!TryDecode(bundle, ranges, out var count, out error))
        {
            return false;
        }

        entries = new List<byte[]>(count);
        foreach (var range in ranges[..count])
        {
            entries.Add(bundle[range].ToArray());
        }

        return true;
    }

    /// <summary>
    /// Finds where each entry lies in <paramref name="bundle"/> without copying it: entry i is
    /// <c>bundle[entries[i]]</c>. <paramref name="entries"/> holds room for <see cref="TilePath.FullWidth"/>.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bundle, Span<Range> entries, out int count, out string? error)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entries.Length, TilePath.FullWidth, nameof(entries));
        count = 0;
        error = null;
        if (bundle.IsEmpty)
        {
            error = "The entry bundle is empty; a bundle holds at least one entry.";
            return false;
        }

        var offset = 0;
        while (offset < bundle.Length)
        {
            if (count == TilePath.FullWidth)
            {
                error = $"The entry bundle holds more than {TilePath.FullWidth} entries.";
                break;
            }

            if (bundle.Length - offset < LengthPrefix)
            {
                error = $"The entry bundle is truncated: entry {count} has only {bundle.Length - offset} of its 2 length bytes.";
                break;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(bundle[offset..]);
            offset += LengthPrefix;
            if (bundle.Length - offset < length)
            {
                error = $"The entry bundle is truncated: entry {count} declares {length} bytes but {bundle.Length - offset} remain.";
                break;
            }

            entries[count++] = new Range(offset, offset + length);
            offset += length;
        }

        if (error is not null)
        {
            count = 0;
            return false;
        }

        return true;
    }
}
