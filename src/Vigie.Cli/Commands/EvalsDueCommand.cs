using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie evals due: which systems the framework's cadence says must be evaluated again (exit 1 when any is due).</summary>
internal static class EvalsDueCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("due", "List the systems due for a full evaluation under the framework's cadence; exits 1 when any is due.");
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var list = await context.Api.GetJsonAsync("api/v1/evaluations/due", cancellationToken);
            var due = list.EnumerateArray().Count(d => d.GetProperty("due").GetBoolean());
            if (context.Json)
            {
                context.WriteJson(list);
                return due > 0 ? ExitCodes.Failed : ExitCodes.Ok;
            }

            foreach (var d in list.EnumerateArray())
            {
                context.Environment.Out.WriteLine($"{d.Text("system")}: {(d.GetProperty("due").GetBoolean() ? "DUE" : "not due")} — {d.Text("reason")}");
            }

            context.Notice(due == 0 ? "No evaluation is due." : $"{due} system(s) due for evaluation.");
            return due > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
