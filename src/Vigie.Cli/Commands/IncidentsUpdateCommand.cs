using System.CommandLine;
using System.Text.Json;
using Vigie.Cli.Http;
using Vigie.Cli.Incidents;

namespace Vigie.Cli.Commands;

/// <summary>vigie incidents update ID [field options] [--regime R] [--drop-regime R] [--note TEXT]: correct or complete an incident; every change is a ledger entry.</summary>
internal static class IncidentsUpdateCommand
{
    public static Command Create(CliApp app)
    {
        var id = IncidentsCommands.Id();
        var fields = new IncidentFieldOptions(opening: false);
        var drop = new Option<string[]>("--drop-regime") { Description = "A regime named earlier that does not apply after all (one or more).", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true };
        var imminent = IncidentsCommands.Flag("--imminent-danger", "An imminent risk of death or serious physical injury.");
        var internalUse = IncidentsCommands.Flag("--internal-use", "It arose from internal use of the model.");
        var note = new Option<string?>("--note") { Description = "Why, or what progress was made (recorded with the change)." };
        var command = new Command("update", "Correct or complete an incident (--regime adds a named regime); prints where it stands.") { id, drop, imminent, internalUse, note };
        fields.AddTo(command);
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var path = IncidentText.Path(parse.GetValue(id)!);
            var body = fields.Read(parse);
            var add = parse.GetValue(fields.Regime) ?? [];
            var remove = parse.GetValue(drop) ?? [];
            if (add.Length + remove.Length > 0)
            {
                var current = await context.Api.GetJsonAsync(path, cancellationToken);
                var named = current.GetProperty("fields").TryGetProperty("regimes", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(r => r.GetString()!).ToList()
                    : [];
                body["regimes"] = named.Union(add, StringComparer.Ordinal).Except(remove, StringComparer.Ordinal).ToArray();
            }

            body["imminentDanger"] = parse.GetValue(imminent);
            body["internalUse"] = parse.GetValue(internalUse);
            body["note"] = parse.GetValue(note);
            var updated = await context.Api.SendJsonAsync(HttpMethod.Patch, path, body, cancellationToken);
            return IncidentsCommands.Print(context, updated, "Updated");
        });
        return command;
    }
}
