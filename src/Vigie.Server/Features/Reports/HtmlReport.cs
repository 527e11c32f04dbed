using System.Globalization;
using System.Net;
using System.Text;

namespace Vigie.Server.Features.Reports;

/// <summary>
/// A report as one self-contained, printable HTML page (no scripts, no outside resources): charts
/// are inline SVG with their numbers also given as text, and log references link to the entries' pages.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font:16px/1.5 system-ui,sans-serif;color:#1b1f24;max-width:60rem;margin:0 auto;padding:1.5rem}
        h1{font-size:1.7rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #d0d7de;vertical-align:top}
        .ref{font-size:.85rem;white-space:nowrap}.cite{color:#57606a;font-size:.85rem}.absent{border-left:4px solid #57606a;background:#f6f8fa;padding:.4rem .8rem}
        dl{display:grid;grid-template-columns:minmax(10rem,max-content) 1fr;gap:.3rem 1rem}dd{margin:0}a{color:#0b5cad}
        @media print{a{color:inherit;text-decoration:none}}
        """;

    public static string Render(Report report)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(E(report.Title)).Append(" — ").Append(E(report.Subject)).Append("</title><style>").Append(Style).Append("</style></head><body><main>");
        html.Append("<h1>").Append(E(report.Title)).Append("</h1><p><strong>").Append(E(report.Subject)).Append("</strong><br>Generated ")
            .Append(E(report.GeneratedAt)).Append(" against checkpoint <span id=\"checkpoint-size\">").Append(report.Checkpoint.Size).Append("</span> of <code>")
            .Append(E(report.Checkpoint.Origin)).Append("</code> (root <code>").Append(E(report.Checkpoint.RootHash)).Append("</code>).</p>");
        foreach (var section in report.Sections)
        {
            html.Append("<section><h2>").Append(E(section.Title)).Append("</h2>");
            foreach (var block in section.Blocks)
            {
                Block(html, block, report.Checkpoint.SiteUrl);
            }

            html.Append("</section>");
        }

        return html.Append("</main></body></html>\n").ToString();
    }

    private static void Block(StringBuilder html, ReportBlock block, string site)
    {
        switch (block)
        {
            case ReportParagraph p:
                html.Append("<p>").Append(E(p.Text)).Append("</p>");
                break;
            case ReportFacts f:
                html.Append("<dl>");
                foreach (var fact in f.Facts)
                {
                    html.Append("<dt>").Append(E(fact.Label)).Append("</dt><dd>").Append(fact.Value is null ? "<em>Not recorded.</em>" : E(fact.Value))
                        .Append(' ').Append(Refs(fact.Entries, site));
                    if (fact.Citation is not null)
                    {
                        html.Append("<br><span class=\"cite\">").Append(E(fact.Citation)).Append("</span>");
                    }

                    html.Append("</dd>");
                }

                html.Append("</dl>");
                break;
            case ReportTable t:
                html.Append("<table><thead><tr>");
                foreach (var header in t.Headers.Append("Log"))
                {
                    html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
                }

                html.Append("</tr></thead><tbody>");
                foreach (var row in t.Rows)
                {
                    html.Append("<tr>");
                    foreach (var cell in row.Cells)
                    {
                        html.Append("<td>").Append(E(cell)).Append("</td>");
                    }

                    html.Append("<td>").Append(Refs(row.Entries, site)).Append("</td></tr>");
                }

                html.Append("</tbody></table>");
                break;
            case ReportChart c:
                Chart(html, c, site);
                break;
            case ReportImage i:
                html.Append("<figure><img src=\"data:image/png;base64,").Append(Convert.ToBase64String(i.Png)).Append("\" alt=\"").Append(E(i.Description))
                    .Append("\" style=\"max-width:100%;height:auto\"><figcaption><strong>").Append(E(i.Title)).Append("</strong> ").Append(Refs(i.Entries, site)).Append("</figcaption></figure>");
                break;
            case ReportAbsent a:
                html.Append("<p class=\"absent\"><strong>No data — ").Append(E(a.What)).Append(".</strong> ").Append(E(a.Why)).Append("</p>");
                break;
        }
    }

    private static void Chart(StringBuilder html, ReportChart chart, string site)
    {
        const int barHeight = 22, labelWidth = 220, width = 640;
        var max = chart.Bars.Count == 0 ? 1 : Math.Max(chart.Bars.Max(b => b.Value), double.Epsilon);
        var height = (chart.Bars.Count * (barHeight + 6)) + 10;
        html.Append("<figure><figcaption><strong>").Append(E(chart.Title)).Append("</strong> (").Append(E(chart.Unit)).Append(")</figcaption>");
        html.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"{E(chart.Title)}\" viewBox=\"0 0 {width} {height}\" width=\"100%\" style=\"max-width:{width}px\">");
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var y = 5 + (i * (barHeight + 6));
            var w = (width - labelWidth - 90) * bar.Value / max;
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\" font-size=\"13\">{E(Shorten(bar.Label))}</text>");
            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{w:0.##}\" height=\"{barHeight}\" fill=\"#0b5cad\"></rect>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + w + 6:0.##}\" y=\"{y + 16}\" font-size=\"13\">{E(ReportFormat.Number(bar.Value))}</text>");
        }

        html.Append("</svg><table><thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Value</th><th scope=\"col\">Log</th></tr></thead><tbody>");
        foreach (var bar in chart.Bars)
        {
            html.Append("<tr><td>").Append(E(bar.Label)).Append("</td><td>").Append(E(ReportFormat.Number(bar.Value))).Append("</td><td>").Append(Refs(bar.Entries, site)).Append("</td></tr>");
        }

        html.Append("</tbody></table></figure>");
    }

    private static string Refs(IReadOnlyList<long> entries, string site, int max = 8) =>
        entries.Count == 0 ? "" : "<span class=\"ref\">" + string.Join(", ", entries.Take(max).Select(e => $"<a href=\"{E(site)}/entries/{e}\">#{e}</a>"))
            + (entries.Count > max ? $" and {entries.Count - max} more" : "") + "</span>";

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..29] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
