using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Vigie.Server.Features.Reports;

/// <summary>
/// A small flowing layout over PDFsharp: text wrapped to the page width, tables whose rows wrap
/// and move to the next page whole, bar charts; A4 pages with a footer naming the checkpoint.
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    private const double Margin = 50;
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private readonly PdfDocument document;
    private readonly string footer;
    private PdfPage page = null!;
    private XGraphics graphics = null!;
    private double y;

    public PdfLayout(PdfDocument document, string footer)
    {
        this.document = document;
        this.footer = footer;
        NewPage();
    }

    public static XFont Font(double size, bool bold = false, bool italic = false) =>
        new(DejaVuFontResolver.Family, size, bold ? XFontStyleEx.Bold : italic ? XFontStyleEx.Italic : XFontStyleEx.Regular, Unicode);

    private double Width => page.Width.Point - (2 * Margin);

    private double Bottom => page.Height.Point - Margin - 20;

    public void Text(string text, XFont font, XBrush? brush = null, double indent = 0, double after = 6)
    {
        foreach (var line in Wrap(text, font, Width - indent))
        {
            var height = font.GetHeight();
            Room(height);
            graphics.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Margin + indent, y, Width - indent, height), XStringFormats.TopLeft);
            y += height;
        }

        y += after;
    }

    public void Heading(string text, double size)
    {
        Room(size * 3);
        y += size * 0.6;
        Text(text, Font(size, bold: true), after: size * 0.4);
    }

    public void Box(string text, XFont font)
    {
        var lines = Wrap(text, font, Width - 16);
        var height = (lines.Count * font.GetHeight()) + 10;
        Room(height);
        graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(246, 248, 250)), Margin, y, Width, height);
        graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(87, 96, 106)), Margin, y, 3, height);
        var top = y + 5;
        foreach (var line in lines)
        {
            graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin + 10, top, Width - 16, font.GetHeight()), XStringFormats.TopLeft);
            top += font.GetHeight();
        }

        y += height + 8;
    }

    public void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var font = Font(8.5);
        var bold = Font(8.5, bold: true);
        var widths = ColumnWidths(headers, rows, font);
        Row(headers, widths, bold, XBrushes.Black);
        foreach (var row in rows)
        {
            Row(row, widths, font, XBrushes.Black);
        }

        y += 8;
    }

    public void Bars(string title, string unit, IReadOnlyList<(string Label, double Value, string Text)> bars)
    {
        var font = Font(8.5);
        const double barHeight = 14, labelWidth = 170;
        Heading($"{title} ({unit})", 10);
        var max = bars.Count == 0 ? 1 : Math.Max(bars.Max(b => b.Value), double.Epsilon);
        var brush = new XSolidBrush(XColor.FromArgb(11, 92, 173));
        foreach (var (label, value, text) in bars)
        {
            Room(barHeight + 4);
            var w = (Width - labelWidth - 90) * value / max;
            graphics.DrawString(Shorten(label, font, labelWidth - 6), font, XBrushes.Black, new XRect(Margin, y + 1, labelWidth, barHeight), XStringFormats.TopLeft);
            graphics.DrawRectangle(brush, Margin + labelWidth, y, Math.Max(w, 0.5), barHeight);
            graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin + labelWidth + w + 4, y + 1, 90, barHeight), XStringFormats.TopLeft);
            y += barHeight + 4;
        }

        y += 8;
    }

    /// <summary>A PNG drawn across the text width, kept whole on one page.</summary>
    public void Image(byte[] png)
    {
        using var stream = new MemoryStream(png, writable: false);
        using var image = XImage.FromStream(stream);
        var height = Width * image.PixelHeight / image.PixelWidth;
        Room(height + 4);
        graphics.DrawImage(image, Margin, y, Width, height);
        y += height + 4;
    }

    private void Row(IReadOnlyList<string> cells, double[] widths, XFont font, XBrush brush)
    {
        var wrapped = cells.Select((c, i) => Wrap(c, font, widths[i] - 6)).ToList();
        var height = (wrapped.Max(l => Math.Max(l.Count, 1)) * font.GetHeight()) + 4;
        Room(height);
        var x = Margin;
        for (var i = 0; i < wrapped.Count; i++)
        {
            var top = y + 2;
            foreach (var line in wrapped[i])
            {
                graphics.DrawString(line, font, brush, new XRect(x + 2, top, widths[i] - 4, font.GetHeight()), XStringFormats.TopLeft);
                top += font.GetHeight();
            }

            x += widths[i];
        }

        y += height;
        graphics.DrawLine(new XPen(XColor.FromArgb(208, 215, 222), 0.5), Margin, y, Margin + Width, y);
    }

    private double[] ColumnWidths(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, XFont font)
    {
        // Each column gets room in proportion to its longest text, within bounds, so short columns stay narrow.
        var wants = headers.Select((h, i) => Math.Clamp(rows.Select(r => i < r.Count ? graphics.MeasureString(r[i], font).Width : 0)
            .Append(graphics.MeasureString(h, font).Width).Max(), 48, Width)).ToArray();
        var total = wants.Sum();
        return wants.Select(w => Width * w / total).ToArray();
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (graphics.MeasureString(candidate, font).Width <= width || line.Length == 0 && graphics.MeasureString(word, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                // A word longer than the line (a hash, a key) is cut where it must be.
                line = word;
                while (graphics.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && graphics.MeasureString(line[..cut], font).Width > width)
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private string Shorten(string text, XFont font, double width)
    {
        if (graphics.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        while (text.Length > 1 && graphics.MeasureString(text + "…", font).Width > width)
        {
            text = text[..^1];
        }

        return text + "…";
    }

    private void Room(double height)
    {
        if (y + height > Bottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        graphics?.Dispose();
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        var font = Font(7.5);
        graphics.DrawString($"{footer} — page {document.PageCount}", font, new XSolidBrush(XColor.FromArgb(87, 96, 106)),
            new XRect(Margin, page.Height.Point - Margin, Width, font.GetHeight()), XStringFormats.TopLeft);
        y = Margin;
    }

    public void Dispose() => graphics?.Dispose();
}
