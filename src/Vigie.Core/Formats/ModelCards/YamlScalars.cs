using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// What a YAML scalar means. Reading follows the YAML 1.2 core schema (§10.3.2): plain
/// <c>true</c>, <c>null</c>, <c>12</c>, <c>1.5e3</c> are typed, quoted scalars are strings.
/// Writing also quotes what a YAML 1.1 reader (PyYAML, which most Hugging Face tooling uses)
/// would not read back as the same string: <c>yes</c>, <c>off</c>, <c>2024-01-01</c>, <c>1_000</c>.
/// </summary>
internal static partial class YamlScalars
{
    /// <summary>The JSON value of a plain (unquoted, untagged) scalar.</summary>
    public static JsonNode? ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (Integer().IsMatch(text) || Float().IsMatch(text))
        {
            // Past 2^53 a double no longer holds every integer: keep such digits as text rather than change them.
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) &&
                (Float().IsMatch(text) && !Integer().IsMatch(text) || Math.Abs(d) <= 9007199254740992))
            {
                return JsonNodes.Number(d);
            }

            return JsonValue.Create(text);
        }

        if (Octal().IsMatch(text) || Hex().IsMatch(text))
        {
            var value = Convert.ToInt64(text[2..], text[1] == 'o' ? 8 : 16);
            return JsonNodes.Number(value);
        }

        return JsonValue.Create(text);
    }

    /// <summary>Whether a string written plain would be read back as something else by a YAML 1.2 or 1.1 reader.</summary>
    public static bool NeedsQuotes(string text) =>
        ResolvePlain(text) is not JsonValue v || !JsonNodes.TryGetString(v, out var s) || s != text ||
        Yaml11Special().IsMatch(text);

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^0o[0-7]+$")]
    private static partial Regex Octal();

    [GeneratedRegex(@"^0x[0-9a-fA-F]+$")]
    private static partial Regex Hex();

    /// <summary>YAML 1.1 booleans, timestamps, sexagesimal and underscored numbers, binary, .inf/.nan.</summary>
    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?|[-+]?0b[01_]+|=|<<)$")]
    private static partial Regex Yaml11Special();
}
