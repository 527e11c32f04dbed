using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie users add NAME --role R [--role R ...] [--label L] [--public-key FILE]: create a user and
/// show their first token once. With --public-key (concern recipients), the key file is checked
/// here first, then registered right after the user is created.
/// </summary>
internal static class UsersAddCommand
{
    public static Command Create(CliApp app)
    {
        var name = new Argument<string>("NAME") { Description = "The new user's name: 1-64 of a-z 0-9 . _ -." };
        var roles = new Option<string[]>("--role")
        {
            Description = "A role to give (repeat for several): admin, member, safety-officer, advisory-group, executive, board, auditor, concern-recipient.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var label = new Option<string?>("--label") { Description = "A label for the first token, e.g. where it will be used." };
        var publicKey = new Option<string?>("--public-key")
        {
            Description = "A concern recipient's public key file (from 'vigie keys generate'), registered with the user.",
        };
        var command = new Command("add", "Create a user (admin only) and print their API token, which is shown this once.") { name, roles, label, publicKey };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var key = parse.GetValue(publicKey) is { } keyFile ? Concerns.ConcernFiles.PublicKey(keyFile) : null;
            if (key is not null && !parse.GetValue(roles)!.Contains("concern-recipient"))
            {
                throw new CliFailure(ExitCodes.Usage, "--public-key is for concern recipients: add --role concern-recipient.");
            }

            var created = await context.Api.PostJsonAsync("api/v1/users",
                new { name = parse.GetValue(name), roles = parse.GetValue(roles), tokenLabel = parse.GetValue(label) }, cancellationToken);
            var registered = key is null ? (System.Text.Json.JsonElement?)null
                : await context.Api.PostJsonAsync("api/v1/concerns/recipient-keys", new { user = parse.GetValue(name), publicKey = key.Export() }, cancellationToken);
            if (context.Json)
            {
                // Unchanged shape without a key, so existing scripts keep working.
                context.WriteJson(registered is null ? created : new { user = created, concernKey = registered });
                return ExitCodes.Ok;
            }

            if (registered is { } entry)
            {
                context.Console.MarkupLine(Markup.Escape($"Registered concern key {entry.Text("keyId")} as log entry {entry.Text("index")}."));
            }

            var rolesText = string.Join(", ", created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            context.Console.MarkupLine($"Created user [bold]{Markup.Escape(created.Text("name"))}[/] ({Markup.Escape(rolesText)}) as log entry {created.GetProperty("index").GetInt64()}.");
            context.Console.MarkupLine("Their API token is shown this once and will not be shown again; hand it over securely:");
            context.Console.WriteLine();
            context.Console.WriteLine("    " + created.Text("token"));
            context.Console.WriteLine();
            return ExitCodes.Ok;
        });
        return command;
    }
}
