using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Core.Json;

namespace Vigie.Core.Impact.Rights;

/// <summary>Reads a FRIA document from JSON: every problem is reported against its field, and a valid document is normalised.</summary>
internal static class FriaReader
{
    public static FriaParseResult Read(JsonNode? json)
    {
        if (json is not JsonObject input)
        {
            return Fail("", "The document must be a JSON object with the fields " + FriaFields.Names + ".");
        }

        var issues = new List<FriaIssue>();
        foreach (var (key, _) in input)
        {
            if (FriaFields.Find(key) is null)
            {
                issues.Add(new FriaIssue(key, $"Unknown field; the fields are: {FriaFields.Names}."));
            }
        }

        var output = new JsonObject();
        foreach (var field in FriaFields.All)
        {
            var value = field.Kind switch
            {
                FriaFieldKind.Text or FriaFieldKind.Prose => ReadText(field, input[field.Name], issues),
                FriaFieldKind.List => ReadList(field, input[field.Name], issues),
                _ => ReadRisks(field, input[field.Name], Groups(output), issues), // after affectedGroups, as in Art. 27(1)
            };
            if (value is not null)
            {
                output[field.Name] = value;
            }
        }

        if (issues.Count > 0)
        {
            return new FriaParseResult(null, issues);
        }

        if (!Jcs.TryCanonicalize(Encoding.UTF8.GetBytes(output.ToJsonString()), out var bytes, out var error))
        {
            return Fail("", $"The document cannot be stored as canonical JSON (RFC 8785): {error}.");
        }

        return bytes!.Length > FriaDocument.MaxCanonicalBytes
            ? Fail("", $"The document is {bytes.Length} bytes as canonical JSON; at most {FriaDocument.MaxCanonicalBytes} fit in one log entry. Shorten it, and keep long material as evidence.")
            : new FriaParseResult(new FriaDocument(output, bytes), []);
    }

    private static JsonNode? ReadText(FriaField field, JsonNode? node, List<FriaIssue> issues)
    {
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            issues.Add(new FriaIssue(field.Name, "must be text."));
            return null;
        }

        var text = Clean(node.GetValue<string>());
        return Check(field.Name, text, field.MaxLength, multiline: field.Kind == FriaFieldKind.Prose, issues) && text.Length > 0 ? JsonValue.Create(text) : null;
    }

    private static JsonNode? ReadList(FriaField field, JsonNode? node, List<FriaIssue> issues)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray items || items.Any(i => i?.GetValueKind() != JsonValueKind.String))
        {
            issues.Add(new FriaIssue(field.Name, "must be a list of text lines."));
            return null;
        }

        var lines = items.Select(i => Clean(i!.GetValue<string>())).Where(l => l.Length > 0).ToList();
        if (lines.Count > FriaFields.MaxGroups)
        {
            issues.Add(new FriaIssue(field.Name, $"has {lines.Count} entries; at most {FriaFields.MaxGroups} are allowed."));
            return null;
        }

        if (lines.GroupBy(l => l, StringComparer.Ordinal).FirstOrDefault(d => d.Count() > 1) is { } twice)
        {
            issues.Add(new FriaIssue(field.Name, $"names '{twice.Key}' twice."));
            return null;
        }

        var ok = lines.All(l => Check(field.Name, l, field.MaxLength, multiline: false, issues));
        return ok && lines.Count > 0 ? new JsonArray([.. lines.Select(l => (JsonNode)l)]) : null;
    }

    private static JsonNode? ReadRisks(FriaField field, JsonNode? node, HashSet<string> groups, List<FriaIssue> issues)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray items || items.Any(i => i is not JsonObject))
        {
            issues.Add(new FriaIssue(field.Name, "must be a list of {group, harm, likelihood, severity} objects."));
            return null;
        }

        if (items.Count > FriaFields.MaxRisks)
        {
            issues.Add(new FriaIssue(field.Name, $"has {items.Count} risks; at most {FriaFields.MaxRisks} are allowed."));
            return null;
        }

        var risks = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"risks[{i + 1}]";
            var risk = (JsonObject)items[i]!;
            if (risk.Select(p => p.Key).FirstOrDefault(k => k is not ("group" or "harm" or "likelihood" or "severity")) is { } unknown)
            {
                issues.Add(new FriaIssue(where, $"unknown field '{unknown}'; a risk has group, harm, likelihood and severity."));
                continue;
            }

            var group = String(risk["group"]) is { } g ? Clean(g) : "";
            var harm = String(risk["harm"]) is { } h ? Clean(h) : "";
            if (group.Length == 0 && harm.Length == 0 && new[] { "likelihood", "severity" }.All(k => risk[k] is null || String(risk[k]) is ""))
            {
                continue; // an empty row of a form
            }

            var item = new JsonObject();
            if (group.Length == 0 || !groups.Contains(group))
            {
                issues.Add(new FriaIssue(where, group.Length == 0
                    ? "names no group: say which affected group (from affectedGroups) the harm falls on."
                    : $"'{group}' is not one of the affected groups ({(groups.Count == 0 ? "none listed yet" : string.Join(", ", groups))}); Art. 27(1)(d) asks about the groups of point (c)."));
            }
            else
            {
                item["group"] = group;
            }

            if (harm.Length == 0)
            {
                issues.Add(new FriaIssue(where, "says no harm: describe what could happen to the group."));
            }
            else if (Check(where + ".harm", harm, field.MaxLength, multiline: true, issues))
            {
                item["harm"] = harm;
            }

            foreach (var level in new[] { "likelihood", "severity" })
            {
                var value = risk[level] is null ? null : String(risk[level]);
                if (value is { Length: > 0 } && FriaRisk.Levels.Contains(value, StringComparer.Ordinal))
                {
                    item[level] = value;
                }
                else if (risk[level] is not null && value is not "")
                {
                    issues.Add(new FriaIssue($"{where}.{level}", $"must be one of {string.Join(", ", FriaRisk.Levels)}."));
                }
            }

            risks.Add(item);
        }

        return risks.Count > 0 ? risks : null;
    }

    private static HashSet<string> Groups(JsonObject output) =>
        output["affectedGroups"] is JsonArray g ? g.Select(x => x!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) : [];

    private static string? String(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    private static string Clean(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    private static bool Check(string field, string text, int max, bool multiline, List<FriaIssue> issues)
    {
        if (text.Length > max)
        {
            issues.Add(new FriaIssue(field, $"is {text.Length} characters; at most {max} are allowed."));
            return false;
        }

        if (text.FirstOrDefault(ch => char.IsControl(ch) && !(multiline && ch is '\n' or '\t')) is var bad && bad != default)
        {
            issues.Add(new FriaIssue(field, multiline ? $"contains a control character (U+{(int)bad:X4})." : "must be one line (no line breaks or control characters)."));
            return false;
        }

        return true;
    }

    private static FriaParseResult Fail(string field, string message) => new(null, [new FriaIssue(field, message)]);
}
