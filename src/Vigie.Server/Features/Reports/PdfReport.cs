using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Vigie.Server.Features.Reports;

/// <summary>A report as PDF (PDFsharp, DejaVu Sans embedded): the same sections as the HTML, log references written #N.</summary>
public static class PdfReport
{
    public static byte[] Render(Report report)
    {
        DejaVuFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"{report.Title} — {report.Subject}";
        document.Info.Subject = $"Generated against checkpoint {report.Checkpoint.Size} of {report.Checkpoint.Origin}";
        document.Info.Creator = "Vigie";
        using (var layout = new PdfLayout(document, $"{report.Title} · {report.Subject} · checkpoint {report.Checkpoint.Size} of {report.Checkpoint.Origin}"))
        {
            layout.Heading(report.Title, 18);
            layout.Text(report.Subject, PdfLayout.Font(11, bold: true), after: 2);
            layout.Text($"Generated {report.GeneratedAt} against checkpoint {report.Checkpoint.Size} of {report.Checkpoint.Origin} (root hash {report.Checkpoint.RootHash}).", PdfLayout.Font(9));
            foreach (var section in report.Sections)
            {
                layout.Heading(section.Title, 13);
                foreach (var block in section.Blocks)
                {
                    Block(layout, block);
                }
            }
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Block(PdfLayout layout, ReportBlock block)
    {
        var body = PdfLayout.Font(9.5);
        switch (block)
        {
            case ReportParagraph p:
                layout.Text(p.Text, body);
                break;
            case ReportFacts f:
                foreach (var fact in f.Facts)
                {
                    layout.Text(fact.Label, PdfLayout.Font(9.5, bold: true), after: 0);
                    layout.Text((fact.Value ?? "Not recorded.") + Refs(fact.Entries), fact.Value is null ? PdfLayout.Font(9.5, italic: true) : body, indent: 12, after: 0);
                    if (fact.Citation is not null)
                    {
                        layout.Text(fact.Citation, PdfLayout.Font(7.5), new XSolidBrush(XColor.FromArgb(87, 96, 106)), indent: 12, after: 0);
                    }

                    layout.Text("", PdfLayout.Font(3), after: 2);
                }

                break;
            case ReportTable t:
                layout.Table([.. t.Headers, "Log"], t.Rows.Select(r => (IReadOnlyList<string>)[.. r.Cells, ReportFormat.Entries(r.Entries, 4)]).ToList());
                break;
            case ReportChart c:
                layout.Bars(c.Title, c.Unit, c.Bars.Select(b => (b.Label, b.Value, ReportFormat.Number(b.Value))).ToList());
                layout.Table(["Item", "Value", "Log"], c.Bars.Select(b => (IReadOnlyList<string>)[b.Label, ReportFormat.Number(b.Value), ReportFormat.Entries(b.Entries, 4)]).ToList());
                break;
            case ReportImage i:
                layout.Image(i.Png);
                layout.Text(i.Title + Refs(i.Entries), PdfLayout.Font(8.5, bold: true), after: 0);
                layout.Text(i.Description, PdfLayout.Font(8.5));
                break;
            case ReportAbsent a:
                layout.Box($"No data — {a.What}. {a.Why}", body);
                break;
        }
    }

    private static string Refs(IReadOnlyList<long> entries) => entries.Count == 0 ? "" : $" [{ReportFormat.Entries(entries, 4)}]";
}
