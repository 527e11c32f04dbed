using System.Text;

namespace Vigie.Core.Impact.Rights;

/// <summary>
/// A FRIA as a Markdown document a deployer can file or send to the market surveillance authority
/// (Art. 27(3)): a title, the facts that identify the revision and its review, then each point of
/// Art. 27(1) in order, with a line saying plainly what is still missing.
/// </summary>
public static class FriaMarkdown
{
    public static string Write(string title, IReadOnlyList<KeyValuePair<string, string>> facts, FriaDocument document)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(OneLine(title)).Append("\n\n");
        foreach (var (label, value) in facts)
        {
            md.Append("- **").Append(OneLine(label)).Append(":** ").Append(OneLine(value)).Append('\n');
        }

        md.Append('\n');
        if (document.Missing is { Count: > 0 } missing)
        {
            md.Append("> Incomplete: ").Append(string.Join("; ", missing.Select(f => $"{f.Label} ({f.Point})"))).Append(" not yet written.\n\n");
        }

        foreach (var field in FriaFields.All)
        {
            md.Append("## ").Append(field.Label).Append(" (").Append(field.Point).Append(")\n\n");
            md.Append('*').Append(field.Help).Append("*\n\n");
            switch (field.Kind)
            {
                case FriaFieldKind.List:
                    var items = document.List(field.Name);
                    md.Append(items.Count == 0 ? "Not written.\n" : string.Concat(items.Select(i => $"- {OneLine(i)}\n")));
                    break;
                case FriaFieldKind.Risks:
                    Risks(md, document.Risks);
                    break;
                default:
                    md.Append(document.Text(field.Name) ?? "Not written.").Append('\n');
                    break;
            }

            md.Append('\n');
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void Risks(StringBuilder md, IReadOnlyList<FriaRisk> risks)
    {
        if (risks.Count == 0)
        {
            md.Append("Not written.\n");
            return;
        }

        md.Append("| Group | Harm | Likelihood | Severity |\n|---|---|---|---|\n");
        foreach (var r in risks)
        {
            md.Append("| ").Append(Cell(r.Group)).Append(" | ").Append(Cell(r.Harm)).Append(" | ")
                .Append(r.Likelihood ?? "not judged").Append(" | ").Append(r.Severity ?? "not judged").Append(" |\n");
        }
    }

    /// <summary>A table cell: pipes escaped and line breaks kept as &lt;br&gt;, so a cell cannot break the table.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    private static string OneLine(string text) => text.Replace('\n', ' ');
}
