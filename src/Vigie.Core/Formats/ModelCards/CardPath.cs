using System.Globalization;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Field paths as people read them: <c>training.computeFlop</c>, <c>evaluation.results[2].metrics[0].value</c>.
/// A key that is not a plain name (as unknown keys in <c>extra</c> may be) is written
/// <c>extra["co2 eq"]</c>.
/// </summary>
public static class CardPath
{
    public static string Child(string parent, string key)
    {
        if (IsPlain(key))
        {
            return parent.Length == 0 ? key : parent + "." + key;
        }

        var quoted = "[\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]";
        return parent + quoted;
    }

    public static string Item(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static bool IsPlain(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
