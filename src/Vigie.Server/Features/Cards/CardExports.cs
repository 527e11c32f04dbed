using System.Globalization;
using System.Text.Json;
using Vigie.Core.Formats.ModelCards;

namespace Vigie.Server.Features.Cards;

/// <summary>
/// A revision in another format. The export time is the revision's own time, so exporting the
/// same revision twice gives the same bytes (and the same CycloneDX serial number).
/// </summary>
public static class CardExports
{
    public const string Formats = "hf, cyclonedx, spdx";

    public sealed record Export(string Content, string ContentType, string FileName);

    public static Export? Render(string format, string system, string version, CardQueries.RevisionRow? row, string documentUri)
    {
        var card = row?.Card() ?? ModelCard.Empty;
        var time = row is not null && DateTimeOffset.TryParse(row.RevisedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var revisedAt) ? revisedAt : DateTimeOffset.UnixEpoch;
        var options = new CardExportOptions(time)
        {
            FallbackName = system,
            FallbackVersion = version,
            DocumentUri = documentUri,
            Creator = row?.RevisedBy ?? "Vigie",
        };
        var stem = $"{system}-{version}-card-r{(row?.Revision ?? 0).ToString(CultureInfo.InvariantCulture)}";
        var indented = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return format switch
        {
            "hf" => new Export(HuggingFaceCard.Write(card), "text/markdown; charset=utf-8", stem + ".md"),
            "cyclonedx" => new Export(CycloneDxCard.Write(card, options).ToJsonString(indented), CycloneDxCard.MediaType + "; version=1.6", stem + ".cdx.json"),
            "spdx" => new Export(SpdxCard.Write(card, options).ToJsonString(indented), SpdxCard.MediaType, stem + ".spdx3.json"),
            _ => null,
        };
    }
}
