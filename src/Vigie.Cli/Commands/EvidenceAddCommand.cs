using System.CommandLine;
using Spectre.Console;

namespace Vigie.Cli.Commands;

/// <summary>vigie evidence add FILE: notarise a file by its SHA-256 (the file itself never leaves the machine).</summary>
internal static class EvidenceAddCommand
{
    public static Command Create(CliApp app)
    {
        var file = new Argument<string>("FILE") { Description = "The file to record; it is hashed locally, streamed, whatever its size." };
        var subject = new Option<string?>("--subject") { Description = "What the evidence is about, e.g. a model or system version." };
        var visibility = new Option<string>("--visibility")
        {
            Description = "public (body in the log for anyone) or internal (only a commitment in the log).",
            DefaultValueFactory = _ => "internal",
        };
        visibility.AcceptOnlyFromAmong("public", "internal");
        var name = new Option<string?>("--name") { Description = "The name to record (default: the file's name)." };
        var description = new Option<string?>("--description") { Description = "A free-text description." };
        var mediaType = new Option<string?>("--media-type") { Description = "The file's media type, e.g. application/json." };
        var command = new Command("add", "Record a file's SHA-256 as evidence in the log and print its log index and id.")
        {
            file, subject, visibility, name, description, mediaType,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var path = parse.GetValue(file)!;
            var (sha256, size) = await FileDigest.ComputeAsync(path, cancellationToken);
            var recorded = await context.Api.PostJsonAsync("api/v1/evidence", new
            {
                sha256,
                name = parse.GetValue(name) ?? Path.GetFileName(path),
                mediaType = parse.GetValue(mediaType),
                size,
                subject = parse.GetValue(subject),
                description = parse.GetValue(description),
                visibility = parse.GetValue(visibility),
            }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(recorded);
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine(
                $"Recorded [bold]{Markup.Escape(recorded.GetProperty("name").GetString() ?? "")}[/] (sha256 {sha256}) " +
                $"as log entry [bold]{recorded.GetProperty("index").GetInt64()}[/], id {Markup.Escape(recorded.GetProperty("id").GetString() ?? "")}, " +
                $"{Markup.Escape(recorded.GetProperty("visibility").GetString() ?? "")}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
