using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;
using Vigie.Core.Formats.ModelCards;

namespace Vigie.Cli.Commands;

/// <summary>vigie card check SYSTEM VERSION --profile P: what the card lacks for a law or convention; exit 1 if anything.</summary>
internal static class CardCheckCommand
{
    public static Command Create(CliApp app)
    {
        var system = CardArguments.System();
        var version = CardArguments.Version();
        var profile = new Option<string>("--profile") { Description = $"The required-field profile: {CardProfiles.Names}.", Required = true };
        profile.AcceptOnlyFromAmong([.. CardProfiles.All.Select(p => p.Id)]);
        var revision = CardArguments.Revision();
        var command = new Command("check", "List the fields a profile requires that the card does not fill in (exit 1 if any).")
        {
            system, version, profile, revision,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var path = CardArguments.WithRevision(
                CardArguments.Path(parse.GetValue(system)!, parse.GetValue(version)!) + "/check?profile=" + Uri.EscapeDataString(parse.GetValue(profile)!),
                parse.GetValue(revision));
            var check = await context.Api.GetJsonAsync(path, cancellationToken);
            var complete = check.GetProperty("complete").GetBoolean();
            if (context.Json)
            {
                context.WriteJson(check);
                return complete ? ExitCodes.Ok : ExitCodes.Failed;
            }

            var subject = $"{check.Text("system")}@{check.Text("version")} card revision {check.Text("revision")}";
            if (complete)
            {
                context.Console.MarkupLine($"{Markup.Escape(subject)} has every field {Markup.Escape(check.Text("title"))} requires.");
                return ExitCodes.Ok;
            }

            var missing = check.GetProperty("missing");
            context.Console.MarkupLine($"{Markup.Escape(subject)} misses {missing.GetArrayLength()} field(s) {Markup.Escape(check.Text("title"))} requires:");
            var table = new Table().AddColumns("Field", "What", "Required by");
            foreach (var m in missing.EnumerateArray())
            {
                table.AddRow(Markup.Escape(m.Text("path")), Markup.Escape(m.Text("label")), Markup.Escape(m.Text("citation")));
            }

            context.Console.Write(table);
            context.Console.WriteLine($"Fill them in with 'vigie card edit {check.Text("system")} {check.Text("version")} --set FIELD=VALUE' or in the web editor.");
            return ExitCodes.Failed;
        });
        return command;
    }
}
