using System.CommandLine;
using Spectre.Console;

namespace Vigie.Cli.Commands;

/// <summary>vigie users token NAME [--label L]: issue another token (for yourself, or anyone as admin).</summary>
internal static class UsersTokenCommand
{
    public static Command Create(CliApp app)
    {
        var name = new Argument<string>("NAME") { Description = "The user to issue a token for (yourself, or anyone if you are an admin)." };
        var label = new Option<string?>("--label") { Description = "A label for the token, e.g. 'ci' or 'laptop'." };
        var command = new Command("token", "Issue another API token for a user; it is shown this once.") { name, label };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var user = parse.GetValue(name)!;
            var issued = await context.Api.PostJsonAsync($"api/v1/users/{Uri.EscapeDataString(user)}/tokens",
                new { label = parse.GetValue(label) }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(issued);
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine($"Issued token [bold]{Markup.Escape(issued.GetProperty("tokenId").ToString())}[/] for {Markup.Escape(user)} (log entry {issued.GetProperty("index").GetInt64()}).");
            context.Console.MarkupLine("It is shown this once and will not be shown again:");
            context.Console.WriteLine();
            context.Console.WriteLine("    " + issued.GetProperty("token").GetString());
            context.Console.WriteLine();
            return ExitCodes.Ok;
        });
        return command;
    }
}
