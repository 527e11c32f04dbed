using System.Text.Json;
using System.Text.RegularExpressions;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Gate;

/// <summary>Small texts the policy pages share.</summary>
public static partial class PolicyViews
{
    /// <summary>
    /// A rule's <c>implements</c> text cut into plain parts and web addresses, so the page can link
    /// to the text a rule implements. Only absolute http(s) addresses become links (never
    /// javascript: or data:); a trailing full stop, comma or bracket stays text.
    /// </summary>
    public static IReadOnlyList<(string Text, bool IsLink)> Linked(string text)
    {
        var parts = new List<(string, bool)>();
        var at = 0;
        foreach (Match m in UrlPattern().Matches(text))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', ')', ']');
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                continue;
            }

            if (m.Index > at)
            {
                parts.Add((text[at..m.Index], false));
            }

            parts.Add((url, true));
            at = m.Index + url.Length;
        }

        if (at < text.Length)
        {
            parts.Add((text[at..], false));
        }

        return parts;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    /// <summary>"added x; changed y (severity)" from the stored rule changes.</summary>
    public static string ChangeSummary(string changesJson)
    {
        var changes = JsonSerializer.Deserialize<List<GateEntries.RuleChangeBody>>(changesJson, BodyJson.Options) ?? [];
        return changes.Count == 0
            ? "no rule changes"
            : string.Join("; ", changes.Select(c => $"{c.Change} {c.Id}" + (c.Fields.Count > 0 ? $" ({string.Join(", ", c.Fields)})" : "")));
    }
}
