using System.Text;

namespace Vigie.Core.Formats.Evaluations;

/// <summary>
/// Reads an evaluation file of any supported format from a seekable stream. The format is
/// recognised from the content (a zip is an Inspect <c>.eval</c> log; JSON is told apart by its
/// keys; front matter is a model card; a <c>.csv</c> name is the CSV), and when the caller names a
/// format, a file that is something else is refused with what it looks like instead.
/// </summary>
public static class EvaluationReader
{
    /// <summary>The largest model card or CSV read as text (JSON and zip logs are streamed and may be larger).</summary>
    public const int MaxTextBytes = 32 * 1024 * 1024;

    public static EvaluationImport Read(Stream stream, string fileName, string? format = null)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The stream must be seekable (the server keeps the upload in a file).", nameof(stream));
        }

        if (format is not null && !EvaluationFormats.IsKnown(format))
        {
            return EvaluationImport.Failed($"'{format}' is not an evaluation format; formats are: {string.Join(", ", EvaluationFormats.All)}.");
        }

        var what = string.IsNullOrEmpty(fileName) ? "The file" : fileName;
        Span<byte> head = stackalloc byte[8];
        var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (headLength == 0)
        {
            return EvaluationImport.Failed($"{what} is empty.");
        }

        var detected = Detect(head[..headLength], fileName);
        if (format is not null && format != detected)
        {
            // Claimed JSON formats are told apart by their keys below; the others must match outright.
            if (!(detected == "json" && format is EvaluationFormats.Inspect or EvaluationFormats.LmEval))
            {
                return EvaluationImport.Failed($"{what} is not {Describe(format)}: it looks like {Describe(detected)}.");
            }
        }

        switch (detected)
        {
            case EvaluationFormats.Inspect:
                return InspectEvalArchive.Read(stream, what);
            case EvaluationFormats.HfModelIndex:
                return ReadText(stream, what, text => HfModelIndex.Read(text, what));
            case EvaluationFormats.Csv:
                return ReadText(stream, what, text => EvaluationCsv.Read(text, what));
        }

        var top = JsonTopLevel.Read(stream, k => InspectLog.TopLevel.Contains(k) || LmEvalResults.TopLevel.Contains(k), out var error);
        if (error is not null)
        {
            return EvaluationImport.Failed($"{what} is not an evaluation log: {error}.");
        }

        var inspect = InspectLog.Looks(top);
        var lmEval = LmEvalResults.Looks(top);
        if (format == EvaluationFormats.Inspect && !inspect && lmEval)
        {
            return EvaluationImport.Failed($"{what} is not an Inspect log: it looks like an lm-evaluation-harness results file.");
        }

        if (format == EvaluationFormats.LmEval && !lmEval && inspect)
        {
            return EvaluationImport.Failed($"{what} is not an lm-evaluation-harness results file: it looks like an Inspect log.");
        }

        return (format, inspect, lmEval) switch
        {
            (EvaluationFormats.Inspect, _, _) or (null, true, _) => InspectLog.Read(top, what),
            (EvaluationFormats.LmEval, _, _) or (null, _, true) => LmEvalResults.Read(top, what),
            _ => EvaluationImport.Failed(
                $"{what} is JSON but neither an Inspect log (with 'version' and an 'eval' object) nor an lm-evaluation-harness results file (with 'results' and 'versions' or 'config')."),
        };
    }

    private static string Detect(ReadOnlySpan<byte> head, string fileName)
    {
        if (InspectEvalArchive.LooksLikeZip(head))
        {
            return EvaluationFormats.Inspect;
        }

        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF');
        if (text.StartsWith("---", StringComparison.Ordinal) || fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return EvaluationFormats.HfModelIndex;
        }

        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return EvaluationFormats.Csv;
        }

        return text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[') ? "json" : EvaluationFormats.Csv;
    }

    private static string Describe(string format) => format switch
    {
        EvaluationFormats.Inspect => "an Inspect log (.eval zip or .json)",
        EvaluationFormats.LmEval => "an lm-evaluation-harness results file",
        EvaluationFormats.HfModelIndex => "a Hugging Face model card (YAML front matter)",
        EvaluationFormats.Csv => "an evaluation CSV",
        _ => "a JSON document",
    };

    private static EvaluationImport ReadText(Stream stream, string what, Func<string, EvaluationImport> read)
    {
        if (stream.Length > MaxTextBytes)
        {
            return EvaluationImport.Failed($"{what} is {stream.Length} bytes; at most {MaxTextBytes} are read for a card or CSV.");
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return EvaluationImport.Failed($"{what} is not UTF-8 text.");
        }

        return read(text.TrimStart('\uFEFF'));
    }
}
