using System.Globalization;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// Incident ids are "inc-" and the log index of the entry that opened the incident (as decisions
/// are "dec-N"): derivable from the log alone, so a rebuild needs no stored random id.
/// </summary>
public static class IncidentIds
{
    public static string Format(long index) => "inc-" + index.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? id, out long index)
    {
        index = -1;
        return id is not null && id.StartsWith("inc-", StringComparison.Ordinal) && id.Length <= 24 &&
               long.TryParse(id.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
