using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie users list: every user with their roles (admin or auditor). Tokens are never listed.</summary>
internal static class UsersListCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("list", "List users and their roles (admin or auditor).");
        app.SetAction(command, async (context, _, cancellationToken) =>
        {
            context.RequireToken();
            var users = await context.Api.GetJsonAsync("api/v1/users", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(users);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Name", "Roles", "Created", "Log entry");
            foreach (var user in users.EnumerateArray())
            {
                table.AddRow(
                    Markup.Escape(user.Text("name")),
                    Markup.Escape(string.Join(", ", user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()))),
                    Markup.Escape(user.Text("createdAt")),
                    Markup.Escape(user.TryGetProperty("createdIndex", out var index) ? index.ToString() : ""));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
