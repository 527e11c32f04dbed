using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie risks list [--overdue]: the register, with ratings; --overdue lists open risks past their review date (exit 1 if any).</summary>
internal static class RisksListCommand
{
    public static Command Create(CliApp app)
    {
        var overdue = new Option<bool>("--overdue") { Description = "Only open risks whose review date has passed; exits 1 when there are any." };
        var command = new Command("list", "List the risk register with ratings, owners and review dates.") { overdue };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var onlyOverdue = parse.GetValue(overdue);
            var list = await context.Api.GetJsonAsync($"api/v1/risks?overdue={(onlyOverdue ? "true" : "false")}", cancellationToken);
            var code = onlyOverdue && list.GetArrayLength() > 0 ? ExitCodes.Failed : ExitCodes.Ok;
            if (context.Json)
            {
                context.WriteJson(list);
                return code;
            }

            var table = new Table().AddColumns("Id", "Category", "Title", "Owner", "Rating", "Residual", "Treatment", "Review", "Status");
            foreach (var r in list.EnumerateArray())
            {
                var rating = r.GetProperty("rating");
                var residual = r.GetProperty("residualRating");
                table.AddRow(r.Text("id"), Markup.Escape(r.Text("category")), Markup.Escape(r.Text("title")), Markup.Escape(r.Text("owner")),
                    $"{rating.Text("rating")} ({r.Text("likelihood")}x{r.Text("severity")})",
                    residual.ValueKind == System.Text.Json.JsonValueKind.Object ? residual.Text("rating") : "",
                    r.Text("treatment"), r.Text("reviewDate") + (r.GetProperty("overdue").GetBoolean() ? " OVERDUE" : ""), r.Text("status"));
            }

            context.Console.Write(table);
            return code;
        });
        return command;
    }
}
