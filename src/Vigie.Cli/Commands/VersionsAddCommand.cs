using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie versions add SYSTEM VERSION: register a model, checkpoint or fine-tune, optionally with its weights' digest.</summary>
internal static class VersionsAddCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var version = new Argument<string>("VERSION") { Description = "The version name, e.g. 1.0 or 2026-11-rc1." };
        var kind = new Option<string?>("--kind") { Description = "model (default), checkpoint, fine-tune or system." };
        kind.AcceptOnlyFromAmong("model", "checkpoint", "fine-tune", "system");
        var status = new Option<string?>("--status") { Description = "development (default), internal, deployed or retired." };
        status.AcceptOnlyFromAmong("development", "internal", "deployed", "retired");
        var baseVersion = new Option<string?>("--base") { Description = "The registered version it derives from, as SYSTEM@VERSION." };
        var baseModel = new Option<string?>("--base-model") { Description = "An outside model it derives from, e.g. meta-llama/Llama-3.1-8B." };
        var weights = new Option<string?>("--weights") { Description = "The weights file: hashed here (never uploaded) and its SHA-256 recorded as evidence." };
        var description = new Option<string?>("--description") { Description = "A description." };
        var visibility = RegistryOptions.Visibility();
        var command = new Command("add", "Register a version of a system and print its log index.")
        {
            system, version, kind, status, baseVersion, baseModel, weights, description, visibility,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            object? weightsDigest = null;
            if (parse.GetValue(weights) is { } path)
            {
                var (sha256, size) = await FileDigest.ComputeAsync(path, cancellationToken);
                weightsDigest = new { sha256, name = Path.GetFileName(path), size };
            }

            var systemName = parse.GetValue(system)!;
            var created = await context.Api.PostJsonAsync(RegistryOptions.Path(systemName) + "/versions", new
            {
                version = parse.GetValue(version),
                kind = parse.GetValue(kind),
                status = parse.GetValue(status),
                baseVersion = parse.GetValue(baseVersion),
                baseModel = parse.GetValue(baseModel),
                weights = weightsDigest,
                description = parse.GetValue(description),
                visibility = parse.GetValue(visibility),
            }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(created);
                return ExitCodes.Ok;
            }

            var evidence = created.Text("weightsEvidence");
            context.Console.MarkupLine(Markup.Escape(
                $"Registered {created.Text("system")}@{created.Text("version")} ({created.Text("visibility")}) as log entry {created.Text("index")}" +
                (evidence.Length > 0 ? $"; weights digest recorded as evidence {evidence}." : ".")));
            return ExitCodes.Ok;
        });
        return command;
    }
}
