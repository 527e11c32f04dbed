using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

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
                    Markup.Escape(Text(user, "name")),
                    Markup.Escape(string.Join(", ", user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()))),
                    Markup.Escape(Text(user, "createdAt")),
                    Markup.Escape(user.TryGetProperty("createdIndex", out var index) ? index.ToString() : ""));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
