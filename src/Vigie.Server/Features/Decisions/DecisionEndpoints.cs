using Vigie.Core.Governance;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Decisions;

/// <summary>/api/v1/decisions: open decisions, read them, and take their steps.</summary>
public static class DecisionEndpoints
{
    public static void MapDecisions(this IEndpointRouteBuilder app)
    {
        const string One = "/api/v1/decisions/{id}";

        app.MapPost("/api/v1/decisions", async (HttpContext context, DecisionOpening opening, DecisionQueries queries) =>
        {
            var (user, request, problem) = await ReadAsync<DecisionRequests.Open>(context, Roles.Writers);
            if (problem is not null)
            {
                return problem;
            }

            if (DecisionRequests.Check(request!) is { } invalid)
            {
                return Problems.BadRequest(invalid);
            }

            var outcome = await opening.OpenAsync(user!, request!, context.RequestAborted);
            return outcome.Succeeded
                ? Results.Created($"/api/v1/decisions/{outcome.Decision}", await ViewAsync(queries, outcome, user))
                : outcome.Problem();
        });

        app.MapGet("/api/v1/decisions", async (HttpContext context, DecisionQueries queries, string? open, string? system, string? limit) =>
        {
            if (open is not null and not ("true" or "false"))
            {
                return Problems.BadRequest("open must be true or false.");
            }

            if (QueryNumbers.TryParse(limit, "limit", out var n, 100) is { } badLimit)
            {
                return badLimit;
            }

            if (n is < 1 or > 1000)
            {
                return Problems.BadRequest("limit must be between 1 and 1000.");
            }

            var rows = await queries.ListAsync(Caller.Of(context) is not null, open == "true", system, (int)n, context.RequestAborted);
            return Results.Ok(rows.Select(Summary));
        });

        app.MapGet(One, async (HttpContext context, DecisionQueries queries, string id) =>
        {
            var caller = Caller.Of(context);
            var detail = DecisionIds.TryParse(id, out var index) ? await queries.GetAsync(index, caller is not null, context.RequestAborted) : null;
            return detail is null
                ? Problems.NotFound($"No decision '{id}' is visible to you{(caller is null ? " (internal decisions need a token)" : "")}.")
                : Results.Ok(DecisionView.Of(detail, caller));
        });

        app.MapPost(One + "/sign-offs", (HttpContext context, DecisionActions actions, DecisionQueries queries, string id) =>
            StepAsync<DecisionRequests.Sign>(context, queries, DecisionRequests.Check, (user, r, ct) => actions.SignAsync(user, id, r, ct)));

        app.MapPost(One + "/dissent", (HttpContext context, DecisionActions actions, DecisionQueries queries, string id) =>
            StepAsync<DecisionRequests.Dissent>(context, queries, DecisionRequests.Check, (user, r, ct) => actions.DissentAsync(user, id, r, ct)));

        app.MapPost(One + "/recusal", (HttpContext context, DecisionActions actions, DecisionQueries queries, string id) =>
            StepAsync<DecisionRequests.Recusal>(context, queries, DecisionRequests.Check, (user, r, ct) => actions.RecuseAsync(user, id, r, ct)));

        app.MapPost(One + "/veto", (HttpContext context, DecisionActions actions, DecisionQueries queries, string id) =>
            StepAsync<DecisionRequests.Ruling>(context, queries, DecisionRequests.Check, (user, r, ct) => actions.RuleAsync(user, id, DecisionEntries.Vetoed, r, ct)));

        app.MapPost(One + "/reversal", (HttpContext context, DecisionActions actions, DecisionQueries queries, string id) =>
            StepAsync<DecisionRequests.Ruling>(context, queries, DecisionRequests.Check, (user, r, ct) => actions.RuleAsync(user, id, DecisionEntries.Reversed, r, ct)));
    }

    public static object Summary(DecisionQueries.DecisionSummary d) => new
    {
        id = d.Id,
        index = d.LogIndex,
        type = d.Type,
        system = d.System,
        version = d.Version,
        title = d.Title,
        status = d.Status,
        visibility = d.Visibility,
        openedAt = d.OpenedAt,
        openedBy = d.OpenedBy,
        closedAt = d.ClosedAt,
    };

    /// <summary>
    /// Any signed-in person may take a step (dissent is for everyone); whether their roles let
    /// them sign, veto or reverse is the charter's to say, through the governance core.
    /// </summary>
    private static async Task<IResult> StepAsync<T>(
        HttpContext context, DecisionQueries queries, Func<T, string?> check, Func<CurrentUser, T, CancellationToken, Task<StepOutcome>> act)
        where T : class
    {
        var (user, request, problem) = await ReadAsync<T>(context, Roles.All);
        if (problem is not null)
        {
            return problem;
        }

        if (check(request!) is { } invalid)
        {
            return Problems.BadRequest(invalid);
        }

        var outcome = await act(user!, request!, context.RequestAborted);
        return outcome.Succeeded
            ? Results.Created($"/api/v1/decisions/{outcome.Decision}", new
            {
                index = outcome.Index,
                recordedAt = LedgerTime.Format(outcome.Time),
                decision = await ViewAsync(queries, outcome, user),
            })
            : outcome.Problem();
    }

    private static async Task<DecisionView> ViewAsync(DecisionQueries queries, StepOutcome outcome, CurrentUser? user)
    {
        DecisionIds.TryParse(outcome.Decision, out var index);
        return DecisionView.Of((await queries.GetAsync(index, includeInternal: true, CancellationToken.None))!, user);
    }

    private static async Task<(CurrentUser? User, T? Request, IResult? Problem)> ReadAsync<T>(HttpContext context, IReadOnlyList<string> roles)
        where T : class
    {
        var (user, denied) = Caller.Require(context, roles);
        if (denied is not null)
        {
            return (null, null, denied);
        }

        var (request, bad) = await RequestJson.ReadAsync<T>(context.Request);
        return bad is not null ? (null, null, bad) : (user, request, null);
    }
}
