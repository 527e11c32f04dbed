using System.Globalization;
using System.Text;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// POST /api/v1/gate/check: runs the gate for a system version and action. The answer is the
/// stable JSON CI scripts read — <c>{"result","dossierDigest","policyVersion","rules":[...]}</c> —
/// followed by the log entry that records the evaluation (<c>index</c>, <c>checkedAt</c>) and, on
/// request, the dossier itself. A deny is an answer (200), not an error: the gate ran.
/// </summary>
public static class GateEndpoints
{
    public static void MapGateChecks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/gate/checks", async (HttpContext context, GateCheckQueries checks, string? system, string? version, string? limit) =>
        {
            if (RegistryNames.CheckSystem(system) is { } badSystem)
            {
                return Problems.BadRequest("system: " + badSystem);
            }

            if (version is not null && RegistryNames.CheckVersion(version) is { } badVersion)
            {
                return Problems.BadRequest("version: " + badVersion);
            }

            if (QueryNumbers.TryParse(limit, "limit", out var n, 100) is { } badLimit)
            {
                return badLimit;
            }

            if (n is < 1 or > 1000)
            {
                return Problems.BadRequest("limit must be between 1 and 1000.");
            }

            var rows = await checks.ListAsync(system!, version, Caller.Of(context) is not null, (int)n, context.RequestAborted);
            return Results.Ok(rows.Select(Summary));
        });

        app.MapPost("/api/v1/gate/check", async (HttpContext context, GateChecks gate) =>
        {
            var (user, denied) = Caller.Require(context, Roles.All);
            if (denied is not null)
            {
                return denied;
            }

            var (request, bad) = await RequestJson.ReadAsync<GateRequests.Check>(context.Request, limit: 4096);
            if (bad is not null)
            {
                return bad;
            }

            var run = await gate.CheckAsync(user!.Name, request!.System, request.Version, request.Action, context.RequestAborted);
            return run.Succeeded ? Results.Bytes(Answer(run, request.IncludeDossier), "application/json") : GateProblems.Of(run.Status, run.Error!);
        });
    }

    public static object Summary(GateCheckQueries.CheckRow c) => new
    {
        index = c.LogIndex,
        system = c.System,
        version = c.Version,
        action = c.Action,
        result = c.Result,
        dossierDigest = c.DossierDigest,
        policyVersion = c.PolicyVersion,
        visibility = c.Visibility,
        checkedAt = c.CheckedAt,
        checkedBy = c.CheckedBy,
        rules = c.Outcomes.Select(r => new { id = r.Id, outcome = r.Outcome }),
    };

    /// <summary>The stable form, then the entry that recorded it (and the canonical dossier when asked), in one object.</summary>
    private static byte[] Answer(GateRun run, bool includeDossier)
    {
        var stable = run.Result!.ToUtf8Json();
        using var buffer = new MemoryStream(stable.Length + (includeDossier ? run.Dossier!.CanonicalJson.Length + 64 : 64));
        buffer.Write(stable, 0, stable.Length - 1); // everything but the closing brace
        buffer.Write(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $",\"index\":{run.Index},\"checkedAt\":\"{LedgerTime.Format(run.Time)}\"")));
        if (includeDossier)
        {
            buffer.Write(",\"dossier\":"u8);
            buffer.Write(run.Dossier!.CanonicalJson);
        }

        buffer.WriteByte((byte)'}');
        return buffer.ToArray();
    }
}
