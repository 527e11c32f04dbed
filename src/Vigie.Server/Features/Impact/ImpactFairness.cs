using System.Security.Cryptography;
using System.Text;
using Vigie.Core.Impact;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Registry;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// Imports a fairness CSV for a version (per-sample rows or per-group confusion counts) and appends
/// its report with the file's SHA-256: one path for the API and the impact page, so both refuse the
/// same input with the same words and write nothing when they do.
/// </summary>
public sealed class ImpactFairness(Ledger.Ledger ledger, RegistryQueries registry)
{
    /// <summary>At most about 1 MiB of CSV (the request limit, less room for a form's other fields); larger results go as per-group counts.</summary>
    public const int MaxCsvBytes = 1024 * 1024 - 4096;

    public static readonly string TooLargeAdvice = "Send per-group counts (group, tp, fp, tn, fn) instead.";

    /// <summary>What to read from the file: the assessment's name, the group column(s), and the optional columns and reference group.</summary>
    public sealed record Request(string Assessment, IReadOnlyList<string> Groups, string Label, string Prediction, string? Weight, string? Reference);

    public sealed record Outcome(int Status, string? Error, long Index = -1, string? FileSha256 = null, long Rows = 0, FairnessReport? Report = null);

    /// <summary>The first problem with a request before the file is read, or null.</summary>
    public static string? Check(Request r) =>
        ImpactRequests.CheckAssessment(r.Assessment)
        ?? (r.Groups.Count == 0 ? "Name the group column(s): ?group=COLUMN (repeat for intersectional groups)." : null);

    public async Task<Outcome> ImportAsync(string actor, string system, string version, Request request, byte[] csv, CancellationToken cancellationToken)
    {
        if (Check(request) is { } bad)
        {
            return new(StatusCodes.Status400BadRequest, bad);
        }

        if (csv.Length > MaxCsvBytes)
        {
            return new(StatusCodes.Status413PayloadTooLarge, $"The CSV is larger than {MaxCsvBytes} bytes. {TooLargeAdvice}");
        }

        var v = await registry.GetVersionAsync(system, version, cancellationToken);
        if (v is null)
        {
            return new(StatusCodes.Status404NotFound, $"No version {system}@{version} is registered.");
        }

        var options = new FairnessCsvOptions(request.Groups, request.Label, request.Prediction, request.Weight);
        FairnessCsvResult read;
        try
        {
            read = FairnessCsv.Read(new StringReader(new UTF8Encoding(false, true).GetString(csv)), options);
        }
        catch (DecoderFallbackException)
        {
            return new(StatusCodes.Status400BadRequest, "The CSV is not valid UTF-8.");
        }

        if (read.Error is { } error)
        {
            return new(StatusCodes.Status400BadRequest, error);
        }

        if (request.Reference is { } reference && read.Groups!.All(g => g.Group != reference))
        {
            return new(StatusCodes.Status400BadRequest,
                $"reference '{reference}' is not a group in the file; groups: {string.Join(", ", read.Groups!.Select(g => g.Group).Order(StringComparer.Ordinal))}.");
        }

        var report = FairnessAnalysis.Analyse(request.Groups, read.Groups!, request.Reference);
        VisibilityNames.TryParse(v.Visibility, out var visibility);
        var body = new ImpactEntries.FairnessBody(system, version, request.Assessment, Convert.ToHexStringLower(SHA256.HashData(csv)), read.Rows,
            BodyJson.ToElement(ImpactJson.Fairness(report)));
        var result = await ledger.AppendAsync(new LedgerWrite(ImpactEntries.FairnessAssessed, actor, visibility, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded
            ? new(StatusCodes.Status201Created, null, result.Index, body.FileSha256, read.Rows, report)
            : new(StatusCodes.Status409Conflict, result.Conflict!);
    }
}
