using Vigie.Server.Features.Portal;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Reports;

/// <summary>
/// Generated documents, for anyone (they use public entries only): /reports/{kind}.{format} for
/// browsers (the portal links there) and /api/v1/reports/{kind}?format= for `vigie report`.
/// </summary>
public static class ReportEndpoints
{
    public static void AddReports(this IServiceCollection services)
    {
        services.AddSingleton<TransparencyReportBuilder>();
        services.AddSingleton<ForecastReportSection>();
        services.AddSingleton<RiskAssessmentSection>();
        services.AddSingleton<ModelDocumentBuilder>();
        services.AddSingleton<ReportService>();
    }

    public static void MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{file}", (HttpContext context, string file, ReportService reports, string? system, string? version, string? from, string? to) =>
        {
            var dot = file.LastIndexOf('.');
            return dot < 0
                ? Task.FromResult(Problems.NotFound($"Reports are named KIND.FORMAT, e.g. transparency.pdf; KIND is one of {string.Join(", ", ReportKinds.All)}."))
                : ServeAsync(context, reports, file[..dot], file[(dot + 1)..], system, version, from, to);
        });

        app.MapGet("/api/v1/reports/{kind}", (HttpContext context, string kind, ReportService reports, string? format, string? system, string? version, string? from, string? to) =>
            ServeAsync(context, reports, kind, format ?? "html", system, version, from, to));
    }

    private static async Task<IResult> ServeAsync(
        HttpContext context, ReportService reports, string kind, string format, string? system, string? version, string? from, string? to)
    {
        if (!ReportKinds.All.Contains(kind))
        {
            return Problems.NotFound($"There is no report '{Shorten(kind)}'; the kinds are {string.Join(", ", ReportKinds.All)}.");
        }

        if (!ReportKinds.Formats.Contains(format))
        {
            return Problems.BadRequest($"format must be one of {string.Join(", ", ReportKinds.Formats)}, got '{Shorten(format)}'.");
        }

        if (ReportKinds.NeedsSystem(kind) && string.IsNullOrWhiteSpace(system))
        {
            return Problems.BadRequest($"The {kind} document is about one model: give system= (and optionally version=; the latest public version with a card is used otherwise).");
        }

        if (PortalPeriod.Parse(from, to, out var period) is { } badPeriod)
        {
            return Problems.BadRequest(badPeriod);
        }

        var site = $"{context.Request.Scheme}://{context.Request.Host}";
        var (report, notFound) = await reports.BuildAsync(new ReportRequest(kind, system, version, period), site, context.RequestAborted);
        if (report is null)
        {
            return Problems.NotFound(notFound!);
        }

        var name = $"{kind}{(system is null ? "" : "-" + system)}{(version is null ? "" : "-" + version)}-{report.Checkpoint.Size}.{format}";
        var disposition = format == "html" ? "inline" : "attachment";
        context.Response.Headers.ContentDisposition = $"{disposition}; filename=\"{SafeName(name)}\"";
        context.Response.Headers["X-Vigie-Checkpoint"] = report.Checkpoint.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Bytes(ReportService.Render(report, format), ReportKinds.ContentType(format));
    }

    private static string SafeName(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
