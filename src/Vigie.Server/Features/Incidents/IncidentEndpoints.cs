using Vigie.Server.Features.Sessions;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Incidents;

/// <summary>/api/v1/incidents: the register, its clocks, submissions and report drafts (docs/api.md "Incidents").</summary>
public static class IncidentEndpoints
{
    public static void MapIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        const string One = "/api/v1/incidents/{id}";

        app.MapPost("/api/v1/incidents", (HttpContext context, IncidentRegister register, IncidentReads reads, IncidentQueries queries) =>
            WriteAsync<IncidentRequests.Open>(context, reads, queries, (user, r, ct) => register.OpenAsync(user, r, ct), created: true));

        app.MapGet("/api/v1/incidents", async (HttpContext context, IncidentReads reads, string? status, string? system, string? limit) =>
        {
            var (user, denied) = Caller.Require(context, Roles.All);
            if (denied is not null)
            {
                return denied;
            }

            if (status is not null and not ("open" or "resolved" or "all"))
            {
                return Problems.BadRequest("status must be open, resolved or all.");
            }

            if (QueryNumbers.TryParse(limit, "limit", out var n, 200) is { } badLimit)
            {
                return badLimit;
            }

            if (n is < 1 or > 1000)
            {
                return Problems.BadRequest("limit must be between 1 and 1000.");
            }

            var incidents = await reads.VisibleAsync(user!, status is null or "all" ? null : status, system, (int)n, context.RequestAborted);
            return Results.Ok(incidents.Select(IncidentViews.Summary));
        });

        app.MapGet("/api/v1/incidents/due", async (HttpContext context, IncidentReads reads) =>
        {
            var (user, denied) = Caller.Require(context, Roles.All);
            if (denied is not null)
            {
                return denied;
            }

            var due = await reads.DueAsync(user!, context.RequestAborted);
            return Results.Ok(new
            {
                now = IncidentTimes.Format(reads.Now),
                zone = reads.Zone.Id,
                deadlines = due.Select(x => new { title = x.Incident.Row.Title, severity = x.Incident.Row.Severity, deadline = x.Deadline.ToJson() }),
            });
        });

        app.MapGet(One, async (HttpContext context, IncidentRegister register, IncidentReads reads, IncidentQueries queries, string id) =>
        {
            var (user, denied) = Caller.Require(context, Roles.All);
            if (denied is not null)
            {
                return denied;
            }

            if (await register.VisibleAsync(user!, id, context.RequestAborted) is { } row)
            {
                return Results.Ok(await DetailAsync(reads, queries, row, context.RequestAborted));
            }

            return await ExpiredAsync(queries, id, context.RequestAborted) ?? IncidentOutcome.NotFound(id).Problem();
        });

        // Reports sent are documentation: kept longer than the incident's record, so readable after it expired.
        app.MapGet(One + "/submissions", async (HttpContext context, IncidentQueries queries, string id) =>
        {
            var (user, denied) = Caller.Require(context, Roles.All);
            if (denied is not null)
            {
                return denied;
            }

            if (!IncidentIds.TryParse(id, out var index))
            {
                return IncidentOutcome.NotFound(id).Problem();
            }

            var row = await queries.GetAsync(index, context.RequestAborted);
            if (row is not null && !IncidentAccess.MayRead(user!, row))
            {
                return IncidentOutcome.NotFound(id).Problem();
            }

            var submissions = (await queries.SubmissionsAsync([index], context.RequestAborted)).Where(s => IncidentAccess.MayRead(user!, s)).ToList();
            if (row is null && submissions.Count == 0 && (await queries.ExpiriesAsync(index, context.RequestAborted)).Count == 0)
            {
                return IncidentOutcome.NotFound(id).Problem();
            }

            return Results.Ok(submissions.Select(IncidentViews.Documentation));
        });

        app.MapMethods(One, ["PATCH"], (HttpContext context, IncidentRegister register, IncidentReads reads, IncidentQueries queries, string id) =>
            WriteAsync<IncidentRequests.Update>(context, reads, queries, (user, r, ct) => register.UpdateAsync(user, id, r, ct)));

        app.MapPost(One + "/resolution", (HttpContext context, IncidentRegister register, IncidentReads reads, IncidentQueries queries, string id) =>
            WriteAsync<IncidentRequests.Resolve>(context, reads, queries, (user, r, ct) => register.ResolveAsync(user, id, r, ct)));

        app.MapPost(One + "/reopening", (HttpContext context, IncidentRegister register, IncidentReads reads, IncidentQueries queries, string id) =>
            WriteAsync<IncidentRequests.Reopen>(context, reads, queries, (user, r, ct) => register.ReopenAsync(user, id, r, ct)));

        app.MapPost(One + "/submissions", (HttpContext context, IncidentSubmissions submissions, IncidentReads reads, IncidentQueries queries, string id) =>
            WriteAsync<IncidentRequests.Submit>(context, reads, queries, (user, r, ct) => submissions.SubmitAsync(user, id, r, ct), created: true));

        app.MapGet(One + "/reports/{regime}", async (HttpContext context, IncidentReportExport export, string id, string regime, string? format, string? obligation) =>
        {
            var (user, denied) = Caller.Require(context, Roles.All);
            return denied ?? await export.DownloadAsync(user!, id, regime, format, obligation, context.RequestAborted);
        });

        // The workspace's download links: the session cookie identifies the reader (GET only).
        app.MapGet("/app/incidents/{id}/reports/{regime}", async (HttpContext context, IncidentReportExport export, string id, string regime, string? format, string? obligation) =>
            await export.DownloadAsync(Caller.Of(context)!, id, regime, format, obligation, context.RequestAborted))
            .AcceptsSessionCookie();
    }

    /// <summary>410 when the incident's record expired under retention: what was erased, when and by which rule.</summary>
    private static async Task<IResult?> ExpiredAsync(IncidentQueries queries, string id, CancellationToken cancellationToken)
    {
        if (!IncidentIds.TryParse(id, out var index)
            || (await queries.ExpiriesAsync(index, cancellationToken)).FirstOrDefault(e => e.Part == IncidentExpiryProjection.Record) is not { } expiry)
        {
            return null;
        }

        return Problems.Problem(StatusCodes.Status410Gone, "Expired under retention",
            $"The record of {id} expired on {expiry.ExpiredOn} and its entries' bodies were erased (log entry {expiry.LogIndex}): {expiry.Rule}. " +
            $"Reports sent about it are kept longer: GET /api/v1/incidents/{id}/submissions.");
    }

    private static async Task<object> DetailAsync(IncidentReads reads, IncidentQueries queries, IncidentQueries.IncidentRow row, CancellationToken cancellationToken) =>
        IncidentViews.Detail(await reads.LoadAsync(row, cancellationToken), await queries.EventsAsync(row.LogIndex, cancellationToken),
            await queries.ExpiriesAsync(row.LogIndex, cancellationToken), reads.Zone);

    /// <summary>Reads and checks the body, acts, and answers with the incident as it now stands (and the entry's index).</summary>
    private static async Task<IResult> WriteAsync<T>(
        HttpContext context, IncidentReads reads, IncidentQueries queries, Func<CurrentUser, T, CancellationToken, Task<IncidentOutcome>> act, bool created = false)
        where T : class
    {
        var (user, denied) = Caller.Require(context, IncidentAccess.Writers);
        if (denied is not null)
        {
            return denied;
        }

        var (request, bad) = await RequestJson.ReadAsync<T>(context.Request, IncidentRequests.MaxBodyBytes);
        if (bad is not null)
        {
            return bad;
        }

        var outcome = await act(user!, request!, context.RequestAborted);
        if (!outcome.Succeeded)
        {
            return outcome.Problem();
        }

        IncidentIds.TryParse(outcome.Incident, out var index);
        var row = await queries.GetAsync(index, CancellationToken.None);
        var body = new { index = outcome.Index, incident = row is null ? null : await DetailAsync(reads, queries, row, CancellationToken.None) };
        return created ? Results.Created($"/api/v1/incidents/{outcome.Incident}", body) : Results.Ok(body);
    }
}
