using System.Text.Json.Nodes;
using Vigie.Core.Impact.Rights;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// The FRIA edit form: each field's text as typed (lists one item per line, risks as rows), the
/// document it makes, and the problems found, against their field. Posted values are kept so a
/// refused save loses nothing the person typed.
/// </summary>
public sealed class FriaForm
{
    /// <summary>Empty risk rows offered under the written ones.</summary>
    public const int SpareRiskRows = 2;

    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly List<FriaIssue> issues = [];

    public List<(string Group, string Harm, string Likelihood, string Severity)> Risks { get; } = [];

    public IReadOnlyList<FriaIssue> Issues => issues;

    public string Value(string field) => values.GetValueOrDefault(field, "");

    /// <summary>The problems of one field (risk problems under "risks").</summary>
    public IEnumerable<string> Errors(string field) =>
        issues.Where(i => i.Field == field || (field == "risks" && i.Field.StartsWith("risks[", StringComparison.Ordinal)))
            .Select(i => i.Field == field ? i.Message : $"{i.Field}: {i.Message}");

    public IEnumerable<string> General => issues.Where(i => i.Field.Length == 0).Select(i => i.Message);

    public static FriaForm From(FriaDocument document)
    {
        var form = new FriaForm();
        foreach (var field in FriaFields.All)
        {
            form.values[field.Name] = field.Kind == FriaFieldKind.List ? string.Join("\n", document.List(field.Name)) : document.Text(field.Name) ?? "";
        }

        form.Risks.AddRange(document.Risks.Select(r => (r.Group, r.Harm, r.Likelihood ?? "", r.Severity ?? "")));
        form.Pad();
        return form;
    }

    public static FriaForm From(IFormCollection posted)
    {
        var form = new FriaForm();
        foreach (var field in FriaFields.All.Where(f => f.Kind != FriaFieldKind.Risks))
        {
            form.values[field.Name] = posted[field.Name].ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        for (var i = 0; i < FriaFields.MaxRisks && posted.ContainsKey($"risk-{i}-group"); i++)
        {
            form.Risks.Add((posted[$"risk-{i}-group"].ToString(), posted[$"risk-{i}-harm"].ToString(), posted[$"risk-{i}-likelihood"].ToString(), posted[$"risk-{i}-severity"].ToString()));
        }

        form.Pad();
        return form;
    }

    /// <summary>The document the form makes, or null with <see cref="Issues"/> filled in.</summary>
    public FriaDocument? ToDocument()
    {
        var json = new JsonObject();
        foreach (var field in FriaFields.All)
        {
            json[field.Name] = field.Kind switch
            {
                FriaFieldKind.List => new JsonArray([.. Value(field.Name).Split('\n').Select(l => (JsonNode)l.Trim())]),
                FriaFieldKind.Risks => new JsonArray([.. Risks.Select(r => (JsonNode)new JsonObject
                {
                    ["group"] = r.Group, ["harm"] = r.Harm.Replace("\r\n", "\n", StringComparison.Ordinal), ["likelihood"] = r.Likelihood, ["severity"] = r.Severity,
                })]),
                _ => Value(field.Name),
            };
        }

        var parsed = FriaDocument.Parse(json);
        issues.AddRange(parsed.Issues);
        return parsed.Document;
    }

    public void Fail(string message) => issues.Add(new FriaIssue("", message));

    private void Pad()
    {
        var blank = Risks.Count(r => r.Group.Length == 0 && r.Harm.Length == 0);
        for (var i = blank; i < SpareRiskRows; i++)
        {
            Risks.Add(("", "", "", ""));
        }
    }
}
