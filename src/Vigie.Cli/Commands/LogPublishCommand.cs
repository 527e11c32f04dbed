using System.CommandLine;
using Spectre.Console;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie log publish N / vigie log reason N: the admin's two acts on a withheld entry — publish its
/// content and salt (anyone can then check them against the commitment on the portal's entry
/// page), or state why it stays withheld. Each is itself a public log entry.
/// </summary>
internal static class LogPublishCommand
{
    public static Command Publish(CliApp app)
    {
        var index = new Argument<long>("N") { Description = "The internal or confidential entry to publish." };
        var reason = new Option<string?>("--reason") { Description = "Why it is published now (public)." };
        var command = new Command("publish", "Publish a withheld entry's content and salt, so anyone can check them against its commitment (admin).") { index, reason };
        app.SetAction(command, (context, parse, cancellationToken) =>
            PostAsync(context, "api/v1/portal/disclosures", parse.GetValue(index), parse.GetValue(reason), "Published", cancellationToken));
        return command;
    }

    public static Command Reason(CliApp app)
    {
        var index = new Argument<long>("N") { Description = "The internal or confidential entry." };
        var reason = new Option<string>("--reason") { Description = "Why it is withheld, as the public will read it.", Required = true };
        var command = new Command("reason", "State why a withheld entry is withheld; the portal shows it beside the entry (admin).") { index, reason };
        app.SetAction(command, (context, parse, cancellationToken) =>
            PostAsync(context, "api/v1/portal/redaction-reasons", parse.GetValue(index), parse.GetValue(reason), "Stated the reason for", cancellationToken));
        return command;
    }

    private static async Task<int> PostAsync(CommandContext context, string path, long entry, string? reason, string verb, CancellationToken cancellationToken)
    {
        if (entry < 0)
        {
            throw new CliFailure(ExitCodes.Usage, "N is an entry index: 0 or more.");
        }

        context.RequireToken();
        var result = await context.Api.PostJsonAsync(path, new { entry, reason }, cancellationToken);
        var recorded = result.GetProperty("index").GetInt64();
        if (context.Json)
        {
            context.WriteJson(new { entry, index = recorded, page = $"{context.Server}{result.GetProperty("page").GetString()}" });
        }
        else
        {
            context.Console.MarkupLine(Markup.Escape($"{verb} entry {entry} as log entry {recorded}; see {context.Server}/entries/{entry}."));
        }

        return ExitCodes.Ok;
    }
}
