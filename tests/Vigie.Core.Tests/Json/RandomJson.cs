using System.Globalization;
using System.Text;

namespace Vigie.Core.Tests.Json;

/// <summary>
/// Seeded random JSON text for differential tests: nested objects and arrays, member names and
/// strings drawn from the characters JCS treats specially (quotes, backslashes, controls, DEL,
/// U+2028, BMP characters above the surrogates, astral characters), numbers in every spelling
/// (plain, fractional, exponents, -0, 1E+21), random member order and random whitespace.
/// </summary>
internal sealed class RandomJson(Random random)
{
    private static readonly string[] Pieces =
    [
        "a", "b", "z", "A", "0", "9", "_", "-", " ", "/", "\"", "\\", "\n", "\t", "\b", "\f", "\r", "\u0000", "\u001f", "\u000b",
        "\u007f", "é", "€", "\u2028", "\uE000", "\uFFFD", "😀", "𝄞", "ſ", "K",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "42", "100", "1e2", "1E2", "1.0", "1.5", "-1.5", "0.1", "0.10", "1e21", "1E+21", "1e-7", "0.0000001",
        "123456789012345", "1234567890123456", "12345678901234567890", "9007199254740993", "5e-324", "1.7976931348623157e308",
        "333333333.33333329", "2e-3", "4.50", "-0.0e5", "1e400",
    ];

    public string Document(int maxDepth = 4)
    {
        var text = new StringBuilder();
        Value(text, maxDepth);
        return text.ToString();
    }

    private void Value(StringBuilder text, int depth)
    {
        switch (random.Next(depth > 0 ? 7 : 5))
        {
            case 0:
                text.Append(Quote(Text()));
                break;
            case 1:
                text.Append(Numbers[random.Next(Numbers.Length)]);
                break;
            case 2:
                text.Append(random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" });
                break;
            case 3:
                text.Append(random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture));
                break;
            case 4:
                text.Append((random.NextDouble() * Math.Pow(10, random.Next(-30, 30))).ToString("R", CultureInfo.InvariantCulture));
                break;
            case 5:
                Container(text, depth, '[', ']', named: false);
                break;
            default:
                Container(text, depth, '{', '}', named: true);
                break;
        }
    }

    private void Container(StringBuilder text, int depth, char open, char close, bool named)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<string>();
        var count = random.Next(5);
        for (var i = 0; i < count; i++)
        {
            var member = new StringBuilder();
            if (named)
            {
                var name = Text();
                if (!names.Add(name))
                {
                    continue;
                }

                member.Append(Quote(name)).Append(Space()).Append(':').Append(Space());
            }

            Value(member, depth - 1);
            members.Add(member.ToString());
        }

        text.Append(open).Append(Space()).Append(string.Join(Space() + "," + Space(), members)).Append(Space()).Append(close);
    }

    private string Text()
    {
        var text = new StringBuilder();
        var length = random.Next(0, 6);
        for (var i = 0; i < length; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    /// <summary>A JSON string literal, escaping what JSON requires and, sometimes, more than that.</summary>
    private string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            var mustEscape = c is '"' or '\\' or < ' ';
            if (mustEscape || random.Next(12) == 0)
            {
                text.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' when random.Next(2) == 0 => "\\n",
                    '/' when random.Next(2) == 0 => "\\/",
                    _ => random.Next(2) == 0
                        ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)
                        : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                });
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }

    private string Space() => random.Next(4) == 0 ? (random.Next(2) == 0 ? " " : "\n\t") : "";
}
