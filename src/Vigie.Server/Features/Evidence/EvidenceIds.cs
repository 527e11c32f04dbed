using System.Globalization;

namespace Vigie.Server.Features.Evidence;

/// <summary>Evidence ids are "ev-" and the log index of the entry that recorded it.</summary>
public static class EvidenceIds
{
    public static string Format(long index) => "ev-" + index.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string id, out long index)
    {
        index = -1;
        return id.StartsWith("ev-", StringComparison.Ordinal) &&
               long.TryParse(id.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
