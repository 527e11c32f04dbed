using System.IO.Compression;

namespace Vigie.Core.Formats.Evaluations;

/// <summary>
/// Inspect's <c>.eval</c> log: a zip archive whose <c>header.json</c> holds the EvalLog without
/// its samples (<c>samples/&lt;id&gt;_epoch_&lt;n&gt;.json</c>, <c>summaries.json</c>,
/// <c>reductions.json</c> and <c>_journal/</c> are not read). Entries are read as streams, and
/// the header's declared and actual size are both capped, so a zip bomb costs nothing.
/// </summary>
internal static class InspectEvalArchive
{
    public static bool LooksLikeZip(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4;

    public static EvaluationImport Read(Stream stream, string what)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            return EvaluationImport.Failed($"{what} is not an Inspect .eval log: it is not a readable zip archive ({e.Message}).");
        }

        using (archive)
        {
            var header = archive.GetEntry("header.json");
            if (header is null)
            {
                var journal = archive.GetEntry("_journal/start.json") is not null;
                return EvaluationImport.Failed(journal
                    ? $"{what} is an Inspect .eval log without header.json: the run has not finished, so it has no results yet."
                    : $"{what} is a zip archive but not an Inspect .eval log: it has no header.json.");
            }

            if (header.Length > JsonTopLevel.MaxValueBytes)
            {
                return EvaluationImport.Failed($"{what}: header.json is {header.Length} bytes; at most {JsonTopLevel.MaxValueBytes} are read.");
            }

            try
            {
                using var entry = new CappedStream(header.Open(), JsonTopLevel.MaxValueBytes);
                var top = JsonTopLevel.Read(entry, InspectLog.TopLevel.Contains, out var error);
                return error is not null
                    ? EvaluationImport.Failed($"{what}: header.json {error}.")
                    : InspectLog.Read(top, $"{what} (header.json)");
            }
            catch (InvalidDataException e)
            {
                return EvaluationImport.Failed($"{what}: header.json cannot be decompressed ({e.Message}).");
            }
        }
    }
}
