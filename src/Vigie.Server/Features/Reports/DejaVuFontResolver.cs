using PdfSharp.Fonts;

namespace Vigie.Server.Features.Reports;

/// <summary>
/// PDFsharp needs a font resolver on Linux (TOOLCHAIN.md). Reports use DejaVu Sans from Debian's
/// fonts-dejavu-core: it covers the characters ledger texts hold (accents, dashes, ₂), and it is
/// embedded in the PDF, so the document reads the same everywhere.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Folder = "/usr/share/fonts/truetype/dejavu";
    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not DejaVuFontResolver)
            {
                GlobalFontSettings.FontResolver = new DejaVuFontResolver();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : italic ? "DejaVuSans-Oblique" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        var path = Path.Combine(Folder, faceName + ".ttf");
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new InvalidOperationException($"The font {path} is missing; PDF reports need Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core).");
    }
}
