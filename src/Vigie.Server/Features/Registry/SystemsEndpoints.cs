using Vigie.Core.Ledger;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Registry;

/// <summary>/api/v1/systems: register AI systems and read them with their versions and aliases.</summary>
public static class SystemsEndpoints
{
    public static void MapSystems(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/systems", async (HttpContext context, Ledger.Ledger ledger) =>
        {
            var (user, request, problem) = await RegistryHttp.ReadWriteAsync<RegistryRequests.RegisterSystem>(context);
            if (problem is not null)
            {
                return problem;
            }

            if (RegistryRequests.Check(request!, out var visibility) is { } invalid)
            {
                return Problems.BadRequest(invalid);
            }

            // The owner defaults to whoever registers the system: every system has someone accountable.
            var body = new RegistryEntries.SystemBody(request!.Name, request.Owner ?? user!.Name, request.Purpose, request.Description);
            var result = await ledger.AppendAsync(
                new LedgerWrite(RegistryEntries.SystemRegistered, user!.Name, visibility, BodyJson.ToElement(body)), context.RequestAborted);
            return result.Succeeded
                ? Results.Created($"/api/v1/systems/{body.Name}", new
                {
                    name = body.Name,
                    index = result.Index,
                    visibility = VisibilityNames.Of(visibility),
                    createdAt = LedgerTime.Format(result.Time),
                    createdBy = user.Name,
                })
                : Problems.Conflict(result.Conflict!);
        });

        app.MapGet("/api/v1/systems", async (HttpContext context, RegistryQueries registry) =>
        {
            var rows = await registry.ListSystemsAsync(Caller.Of(context) is not null, context.RequestAborted);
            return Results.Ok(rows.Select(RegistryJson.System));
        });

        app.MapGet("/api/v1/systems/{system}", async (HttpContext context, RegistryQueries registry, string system) =>
        {
            var signedIn = Caller.Of(context) is not null;
            var row = await registry.GetSystemAsync(system, signedIn, context.RequestAborted);
            if (row is null)
            {
                return RegistryHttp.NotFound($"No system '{system}'", signedIn);
            }

            var versions = await registry.ListVersionsAsync(system, signedIn, context.RequestAborted);
            var aliases = await registry.ListAliasesAsync(system, signedIn, context.RequestAborted);
            return Results.Ok(new
            {
                system = RegistryJson.System(row),
                versions = versions.Select(RegistryJson.Version),
                aliases = aliases.Select(RegistryJson.Alias),
            });
        });
    }
}
