using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Vigie.Core.Formats.ModelCards;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Cards;

/// <summary>/api/v1/systems/{system}/versions/{version}/card: the versioned model card of a version.</summary>
public static class CardEndpoints
{
    public const string Route = "/api/v1/systems/{system}/versions/{version}/card";

    public static void MapCards(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, async (HttpContext context, CardReads reads, string system, string version, string? revision) =>
        {
            var (row, problem) = await reads.ResolveAsync(context, system, version, revision);
            if (problem is not null)
            {
                return problem;
            }

            context.Response.Headers.ETag = CardJson.ETag(row?.Revision ?? 0);
            return Results.Ok(CardJson.Revision(system, version, row));
        });

        app.MapPut(Route, async (HttpContext context, CardRevisions revisions, string system, string version) =>
        {
            var (user, denied) = Caller.Require(context, Roles.Writers);
            if (denied is not null)
            {
                return denied;
            }

            var (request, bad) = await RequestJson.ReadAsync<CardRequests.PutCard>(context.Request, CardRequests.MaxBodyBytes);
            if (bad is not null)
            {
                return bad;
            }

            if (CardRequests.BaseRevision(context, request!.BaseRevision, out var baseRevision) is { } precondition)
            {
                return precondition;
            }

            if (CardRequests.CheckNote(request.Note) is { } badNote)
            {
                return Problems.BadRequest(badNote);
            }

            var parsed = ModelCard.FromJson(JsonNode.Parse(request.Card.GetRawText()));
            if (!parsed.Succeeded)
            {
                return CardProblems.InvalidCard(parsed.Issues);
            }

            var write = new CardWrite(system, version, parsed.Card!, baseRevision, request.Material ?? true, request.Note, request.Visibility);
            return Written(context, system, version, await revisions.ReviseAsync(user!.Name, write, context.RequestAborted), []);
        });

        app.MapPost(Route + "/import", async (
            HttpContext context, CardRevisions revisions, CardQueries cards, string system, string version,
            string? baseRevision, bool? editorial, bool? merge, string? note, string? visibility) =>
        {
            var (user, denied) = Caller.Require(context, Roles.Writers);
            if (denied is not null)
            {
                return denied;
            }

            long? stated = null;
            if (baseRevision is not null)
            {
                if (QueryNumbers.TryParse(baseRevision, "baseRevision", out var n) is { } badNumber)
                {
                    return badNumber;
                }

                stated = n;
            }

            if (CardRequests.BaseRevision(context, stated, out var baseNumber) is { } precondition)
            {
                return precondition;
            }

            if (CardRequests.CheckNote(note) is { } badNote)
            {
                return Problems.BadRequest(badNote);
            }

            var (text, bytes, unread) = await CardRequests.ReadReadmeAsync(context.Request);
            if (unread is not null)
            {
                return unread;
            }

            var import = HuggingFaceCard.Read(text!);
            if (!import.Succeeded)
            {
                return Problems.BadRequest(import.Error!, "The README cannot be imported");
            }

            var card = import.Card!;
            if (merge == true && baseNumber > 0 && await cards.RevisionAsync(system, version, baseNumber, includeInternal: true, context.RequestAborted) is { } current)
            {
                var merged = CardMerge.Overlay(current.Card(), card);
                if (!merged.Succeeded)
                {
                    return CardProblems.InvalidCard(merged.Issues);
                }

                card = merged.Card!;
            }

            var source = new CardEntries.SourceFile("huggingface-readme", Convert.ToHexStringLower(SHA256.HashData(bytes!)));
            var write = new CardWrite(system, version, card, baseNumber, editorial != true, note ?? "Imported from a Hugging Face README", visibility, source);
            return Written(context, system, version, await revisions.ReviseAsync(user!.Name, write, context.RequestAborted), import.Warnings);
        });

        app.MapGet(Route + "/revisions", async (HttpContext context, CardReads reads, CardQueries cards, string system, string version) =>
        {
            var (_, problem) = await reads.ResolveAsync(context, system, version, null);
            if (problem is not null)
            {
                return problem;
            }

            var rows = await cards.RevisionsAsync(system, version, Caller.Of(context) is not null, context.RequestAborted);
            return Results.Ok(rows.Select(r =>
            {
                var json = CardJson.Revision(system, version, r, withCard: false);
                json["changes"] = r.DiffJson is null ? 0 : JsonNode.Parse(r.DiffJson)!.AsArray().Count;
                return json;
            }));
        });

        app.MapGet(Route + "/revisions/{revision}", async (HttpContext context, CardReads reads, string system, string version, string revision) =>
        {
            var (row, problem) = await reads.ResolveAsync(context, system, version, revision);
            return problem ?? Results.Ok(CardJson.Revision(system, version, row, withDiff: true));
        });

        app.MapGet(Route + "/check", async (HttpContext context, CardReads reads, string system, string version, string? profile, string? revision) =>
        {
            if (profile is null || CardProfiles.Find(profile) is not { } chosen)
            {
                return Problems.BadRequest($"Give profile=<name>, one of {CardProfiles.Names}{(profile is null ? "" : $"; '{profile}' is not one")}.");
            }

            var (row, problem) = await reads.ResolveAsync(context, system, version, revision);
            if (problem is not null)
            {
                return problem;
            }

            var check = chosen.Check(row?.Card() ?? ModelCard.Empty);
            return Results.Ok(new
            {
                system,
                version,
                revision = row?.Revision ?? 0,
                profile = chosen.Id,
                title = chosen.Title,
                source = chosen.Source,
                complete = check.Complete,
                missing = check.Missing.Select(m => new { path = m.Path, label = m.Label, citation = m.Citation }),
            });
        });

        app.MapGet(Route + "/export", async (HttpContext context, CardReads reads, string system, string version, string? format, string? revision) =>
        {
            if (format is null or not ("hf" or "cyclonedx" or "spdx"))
            {
                return Problems.BadRequest($"Give format=<name>, one of {CardExports.Formats}{(format is null ? "" : $"; '{format}' is not one")}.");
            }

            var (row, problem) = await reads.ResolveAsync(context, system, version, revision);
            if (problem is not null)
            {
                return problem;
            }

            var request = context.Request;
            var documentUri = $"{request.Scheme}://{request.Host}/api/v1/systems/{system}/versions/{version}/card/revisions/{row?.Revision ?? 0}";
            var export = CardExports.Render(format, system, version, row, documentUri)!;
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{export.FileName}\"";
            return Results.Text(export.Content, export.ContentType);
        });
    }

    private static IResult Written(HttpContext context, string system, string version, CardWriteOutcome outcome, IReadOnlyList<string> warnings)
    {
        if (outcome.Status is not (CardWriteStatus.Created or CardWriteStatus.Unchanged))
        {
            return CardProblems.Of(outcome);
        }

        var json = CardJson.Revision(system, version, outcome.Revision, withCard: false, withDiff: outcome.Status == CardWriteStatus.Created);
        json["unchanged"] = outcome.Status == CardWriteStatus.Unchanged;
        json["warnings"] = new JsonArray([.. warnings.Select(w => (JsonNode)JsonValue.Create(w))]);
        context.Response.Headers.ETag = CardJson.ETag(outcome.Revision?.Revision ?? 0);
        return outcome.Status == CardWriteStatus.Created
            ? Results.Created($"/api/v1/systems/{system}/versions/{version}/card/revisions/{outcome.Revision!.Revision}", json)
            : Results.Ok(json);
    }
}
