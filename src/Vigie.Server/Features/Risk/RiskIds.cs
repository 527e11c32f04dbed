using System.Globalization;

namespace Vigie.Server.Features.Risk;

/// <summary>Ids people see: evaluations "eval-N", risks "risk-N", after the log index of the entry that created them.</summary>
public static class RiskIds
{
    public static string Format(long index) => "risk-" + index.ToString(CultureInfo.InvariantCulture);

    public static string Evaluation(long index) => "eval-" + index.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseEvaluation(string id, out long index) => TryParse(id, "eval-", out index);

    public static bool TryParseRisk(string id, out long index) => TryParse(id, "risk-", out index);

    private static bool TryParse(string id, string prefix, out long index)
    {
        index = -1;
        return id.StartsWith(prefix, StringComparison.Ordinal) &&
               long.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
