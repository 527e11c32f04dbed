using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie systems add NAME: register an AI system (the thing versions, cards and decisions are about).</summary>
internal static class SystemsAddCommand
{
    public static Command Create(CliApp app)
    {
        var name = new Argument<string>("NAME") { Description = "The system's name: lowercase letters, digits, '.', '_' or '-' (e.g. atlas)." };
        var owner = new Option<string?>("--owner") { Description = "Who is accountable for it (default: you)." };
        var purpose = new Option<string?>("--purpose") { Description = "What it is for." };
        var description = new Option<string?>("--description") { Description = "A longer description." };
        var visibility = RegistryOptions.Visibility();
        var command = new Command("add", "Register an AI system and print its log index.") { name, owner, purpose, description, visibility };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var created = await context.Api.PostJsonAsync("api/v1/systems", new
            {
                name = parse.GetValue(name),
                owner = parse.GetValue(owner),
                purpose = parse.GetValue(purpose),
                description = parse.GetValue(description),
                visibility = parse.GetValue(visibility),
            }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(created);
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine(Markup.Escape(
                $"Registered system {created.Text("name")} ({created.Text("visibility")}) as log entry {created.Text("index")}."));
            return ExitCodes.Ok;
        });
        return command;
    }
}
