using System.Globalization;

namespace Vigie.Server.Features.Decisions;

/// <summary>Decision ids are "dec-" and the log index of the entry that opened the decision.</summary>
public static class DecisionIds
{
    public static string Format(long index) => "dec-" + index.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? id, out long index)
    {
        index = -1;
        return id is not null && id.StartsWith("dec-", StringComparison.Ordinal) && id.Length <= 24 &&
               long.TryParse(id.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
