using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie risks update ID --reason ... : records the risk's whole new state and why it changed.</summary>
internal static class RisksUpdateCommand
{
    public static Command Create(CliApp app)
    {
        var id = new Argument<string>("ID") { Description = "The risk, e.g. risk-12." };
        var reason = new Option<string>("--reason") { Description = "Why it changes (kept in the log).", Required = true };
        var fields = new RiskArguments();
        var command = new Command("update", "Change a risk: give all its fields as they should now be, and why.") { id, reason };
        fields.AddTo(command);
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var updated = await context.Api.SendJsonAsync(HttpMethod.Put, "api/v1/risks/" + Uri.EscapeDataString(parse.GetValue(id)!),
                fields.Body(parse, parse.GetValue(reason)), cancellationToken);
            if (context.Json)
            {
                context.WriteJson(updated);
                return ExitCodes.Ok;
            }

            context.Environment.Out.WriteLine($"Updated {updated.Text("id")} as log entry {updated.Text("index")}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
