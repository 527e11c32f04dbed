using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie risks show ID: one risk and every change to it.</summary>
internal static class RisksShowCommand
{
    public static Command Create(CliApp app)
    {
        var id = new Argument<string>("ID") { Description = "The risk, e.g. risk-12." };
        var command = new Command("show", "Show a risk and its history.") { id };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var shown = await context.Api.GetJsonAsync("api/v1/risks/" + Uri.EscapeDataString(parse.GetValue(id)!), cancellationToken);
            if (context.Json)
            {
                context.WriteJson(shown);
                return ExitCodes.Ok;
            }

            var r = shown.GetProperty("risk");
            var o = context.Environment.Out;
            o.WriteLine($"{r.Text("id")} [{r.Text("category")}] {r.Text("title")} — owner {r.Text("owner")}, {r.Text("status")}");
            o.WriteLine($"Rating {r.GetProperty("rating").Text("rating")} ({r.Text("likelihood")} x {r.Text("severity")}); treatment {r.Text("treatment")}" +
                        (r.GetProperty("residualRating").ValueKind == System.Text.Json.JsonValueKind.Object ? $"; residual {r.GetProperty("residualRating").Text("rating")}" : ""));
            o.WriteLine($"Review by {r.Text("reviewDate")}{(r.GetProperty("overdue").GetBoolean() ? " (OVERDUE)" : "")}; links: {string.Join(", ", r.GetProperty("links").EnumerateArray().Select(l => l.GetString()))}");
            foreach (var h in shown.GetProperty("history").EnumerateArray())
            {
                o.WriteLine($"  {h.Text("changedAt")} {h.Text("kind")} by {h.Text("changedBy")} (log entry {h.Text("index")}){(h.Text("reason").Length > 0 ? ": " + h.Text("reason") : "")}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
