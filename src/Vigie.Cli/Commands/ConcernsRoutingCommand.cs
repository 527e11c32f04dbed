using System.CommandLine;
using Spectre.Console;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie concerns routing --recipient NAME ... --outside-line NAME ... [--tier NAME=USER,USER ...]
/// [--zone Z] [--channel NAME=URL ...]: who receives concerns (admin). Recorded in the log.
/// </summary>
internal static class ConcernsRoutingCommand
{
    public static Command Create(CliApp app)
    {
        var recipients = new Option<string[]>("--recipient") { Description = "A first-line recipient (repeat; at least two).", Required = true, Arity = ArgumentArity.OneOrMore };
        var outside = new Option<string[]>("--outside-line") { Description = "A recipient outside the safety officer's reporting line (repeat; at least one).", Arity = ArgumentArity.OneOrMore };
        var tiers = new Option<string[]>("--tier") { Description = "An escalation tier NAME=USER[,USER] (repeat, in order), e.g. board-committee=carol.", Arity = ArgumentArity.OneOrMore };
        var zone = new Option<string?>("--zone") { Description = "The IANA zone legal clocks count days in (default UTC)." };
        var channels = new Option<string[]>("--channel") { Description = "An external channel NAME=URL the reporter pages list (repeat).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("routing", "Set who receives concerns, the escalation tiers, the clock zone and external channels (admin).")
        {
            recipients, outside, tiers, zone, channels,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var outsideLine = (parse.GetValue(outside) ?? []).ToHashSet(StringComparer.Ordinal);
            var body = new
            {
                recipients = parse.GetValue(recipients)!.Select(r => new { user = r, outsideLine = outsideLine.Contains(r) }),
                tiers = (parse.GetValue(tiers) ?? []).Select(t => Pair(t, "--tier")).Select(t => new { name = t.Name, recipients = t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) }),
                zone = parse.GetValue(zone),
                externalChannels = (parse.GetValue(channels) ?? []).Select(c => Pair(c, "--channel")).Select(c => new { name = c.Name, url = c.Value }),
            };
            var result = await context.Api.SendJsonAsync(HttpMethod.Put, "api/v1/concerns/routing", body, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(result);
            }
            else
            {
                context.Console.MarkupLine(Markup.Escape($"Concern routing set as log entry {result.GetProperty("index").GetInt64()}."));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static (string Name, string Value) Pair(string text, string option)
    {
        var at = text.IndexOf('=', StringComparison.Ordinal);
        return at > 0 && at < text.Length - 1
            ? (text[..at].Trim(), text[(at + 1)..].Trim())
            : throw new CliFailure(ExitCodes.Usage, $"{option} takes NAME=VALUE; got '{text}'.");
    }
}
