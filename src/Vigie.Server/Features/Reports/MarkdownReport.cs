using System.Text;

namespace Vigie.Server.Features.Reports;

/// <summary>A report as CommonMark with GitHub-style tables; log references are links to the entries' pages.</summary>
public static class MarkdownReport
{
    public static string Render(Report report)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(report.Title).Append("\n\n");
        md.Append("**").Append(Escape(report.Subject)).Append("**  \n");
        md.Append("Generated ").Append(report.GeneratedAt).Append(" against checkpoint ").Append(report.Checkpoint.Size)
          .Append(" of `").Append(report.Checkpoint.Origin).Append("` (root `").Append(report.Checkpoint.RootHash).Append("`).\n\n");
        foreach (var section in report.Sections)
        {
            md.Append("## ").Append(section.Title).Append("\n\n");
            foreach (var block in section.Blocks)
            {
                Block(md, block, report.Checkpoint.SiteUrl);
            }
        }

        return md.ToString();
    }

    private static void Block(StringBuilder md, ReportBlock block, string site)
    {
        switch (block)
        {
            case ReportParagraph p:
                md.Append(Escape(p.Text)).Append("\n\n");
                break;
            case ReportFacts f:
                foreach (var fact in f.Facts)
                {
                    md.Append("- **").Append(Escape(fact.Label)).Append(":** ")
                      .Append(fact.Value is null ? "_Not recorded._" : Escape(fact.Value));
                    if (fact.Entries.Count > 0)
                    {
                        md.Append(' ').Append(Refs(fact.Entries, site));
                    }

                    if (fact.Citation is not null)
                    {
                        md.Append("  \n  _").Append(Escape(fact.Citation)).Append('_');
                    }

                    md.Append('\n');
                }

                md.Append('\n');
                break;
            case ReportTable t:
                md.Append("| ").Append(string.Join(" | ", t.Headers.Append("Log").Select(Cell))).Append(" |\n");
                md.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", t.Headers.Count + 1))).Append('\n');
                foreach (var row in t.Rows)
                {
                    md.Append("| ").Append(string.Join(" | ", row.Cells.Select(Cell).Append(Refs(row.Entries, site)))).Append(" |\n");
                }

                md.Append('\n');
                break;
            case ReportChart c:
                md.Append("**").Append(Escape(c.Title)).Append("** (").Append(c.Unit).Append(")\n\n");
                md.Append("| ").Append("Item | Value | Log |\n| --- | --- | --- |\n");
                foreach (var bar in c.Bars)
                {
                    md.Append("| ").Append(Cell(bar.Label)).Append(" | ").Append(ReportFormat.Number(bar.Value)).Append(" | ").Append(Refs(bar.Entries, site)).Append(" |\n");
                }

                md.Append('\n');
                break;
            case ReportImage i:
                // A Markdown reader may not show an inline image: the chart is named, said in words, and found in the HTML and PDF versions.
                md.Append("**").Append(Escape(i.Title)).Append("** (chart in the HTML and PDF versions of this report): ").Append(Escape(i.Description))
                    .Append(' ').Append(Refs(i.Entries, site)).Append("\n\n");
                break;
            case ReportAbsent a:
                md.Append("> **No data — ").Append(Escape(a.What)).Append(".** ").Append(Escape(a.Why)).Append("\n\n");
                break;
        }
    }

    private static string Refs(IReadOnlyList<long> entries, string site, int max = 8) =>
        string.Join(", ", entries.Take(max).Select(e => $"[#{e}]({site}/entries/{e})")) + (entries.Count > max ? $" and {entries.Count - max} more" : "");

    private static string Cell(string text) => Escape(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
}
