using System.Text;
using System.Text.Json;
using Vigie.Core.Concerns;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// The report draft download, for the API (bearer token) and the workspace (session cookie):
/// one regime, its next obligation still to meet unless another is named, as JSON or Markdown.
/// </summary>
public sealed class IncidentReportExport(IncidentRegister register, IncidentReads reads, IncidentQueries queries)
{
    public static readonly IReadOnlyList<string> Formats = ["json", "markdown"];

    public async Task<IResult> DownloadAsync(CurrentUser user, string id, string regimeName, string? format, string? obligation, CancellationToken cancellationToken)
    {
        format ??= "json";
        if (format == "md")
        {
            format = "markdown";
        }

        if (!Formats.Contains(format))
        {
            return Problems.BadRequest($"format must be json or markdown (md); got '{Truncate(format)}'.");
        }

        if (!IncidentNames.TryParseRegime(regimeName, out var regime, out var unknown))
        {
            return Problems.BadRequest(unknown);
        }

        if (await register.VisibleAsync(user, id, cancellationToken) is not { } row)
        {
            return IncidentOutcome.NotFound(id).Problem();
        }

        var incident = await reads.LoadAsync(row, cancellationToken);
        if (incident.Regimes.All(r => r.Regime != regime))
        {
            return Problems.Conflict($"{regimeName} does not apply to {row.Id}; it is under: " +
                (incident.Regimes.Count == 0 ? "no regime" : string.Join(", ", incident.Regimes.Select(r => r.Name))) + ".");
        }

        var mine = incident.Deadlines.Where(d => d.Regime == regime).ToList();
        var deadline = obligation is not null
            ? mine.FirstOrDefault(d => d.Deadline.Obligation == obligation)
            : mine.FirstOrDefault(d => d.IsPending) ?? mine.LastOrDefault();
        if (deadline is null)
        {
            return Problems.Conflict(obligation is null
                ? $"{row.Id} owes no report under {regimeName} ({(incident.Record.Fields.Category == "near-miss" ? "a near miss has no reporting deadline" : "no deadline is running")})."
                : $"{Truncate(obligation)} is not running for {row.Id}; under {regimeName} it has: {string.Join(", ", mine.Select(d => d.Deadline.Obligation))}.");
        }

        var draft = IncidentReportDraft.Build(row, incident.Record, deadline, await queries.EventsAsync(row.LogIndex, cancellationToken), incident.Submissions, reads.Now);
        var name = $"{row.Id}-{regimeName}-{IncidentReportForms.KindOf(deadline.Deadline.Obligation)}";
        return format == "markdown"
            ? Results.File(Encoding.UTF8.GetBytes(IncidentReportMarkdown.Render(draft)), "text/markdown; charset=utf-8", name + ".md")
            : Results.File(Encoding.UTF8.GetBytes(draft.ToJsonString(Indented)), "application/json; charset=utf-8", name + ".json");
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
