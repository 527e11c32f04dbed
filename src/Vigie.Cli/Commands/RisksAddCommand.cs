using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie risks add --category ... : records a risk in the register and prints its id.</summary>
internal static class RisksAddCommand
{
    public static Command Create(CliApp app)
    {
        var fields = new RiskArguments();
        var command = new Command("add", "Record a risk in the register (likelihood x severity on the framework's matrix) and print its id.");
        fields.AddTo(command);
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var created = await context.Api.PostJsonAsync("api/v1/risks", fields.Body(parse, null), cancellationToken);
            if (context.Json)
            {
                context.WriteJson(created);
                return ExitCodes.Ok;
            }

            context.Environment.Out.WriteLine(created.Text("id"));
            context.Notice($"Recorded {created.Text("id")} as log entry {created.Text("index")}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
