using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;
using Vigie.Core.Impact.Rights;

namespace Vigie.Cli.Commands;

/// <summary>vigie classify SYSTEM --yes QUESTION ...: record an EU AI Act classification revision and print the tier, its articles and the obligations that follow.</summary>
internal static class ClassifyCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var yes = new Option<string[]>("--yes") { Description = "A question answered yes (repeat); every other is no. Questions: " + string.Join(", ", AiActQuestionnaire.Questions.Select(q => q.Id)) + "." };
        var show = new Option<bool>("--show") { Description = "Only show the current classification." };
        var command = new Command("classify", "EU AI Act classification: record the questionnaire's answers (a ledger entry) and see the tier, the articles and the obligations.") { system, yes, show };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var path = RegistryOptions.Path(parse.GetValue(system)!) + "/classification";
            System.Text.Json.JsonElement result;
            if (parse.GetValue(show))
            {
                result = await context.Api.GetJsonAsync(path, cancellationToken);
            }
            else
            {
                var answers = AiActQuestionnaire.Questions.ToDictionary(q => q.Id, q => (parse.GetValue(yes) ?? []).Contains(q.Id, StringComparer.Ordinal));
                var unknown = (parse.GetValue(yes) ?? []).Where(y => AiActQuestionnaire.Find(y) is null).ToList();
                if (unknown.Count > 0)
                {
                    throw new CliFailure(ExitCodes.Usage, $"Unknown question {string.Join(", ", unknown)}; questions: {string.Join(", ", AiActQuestionnaire.Questions.Select(q => q.Id))}.");
                }

                long head = 0;
                try
                {
                    head = (await context.Api.GetJsonAsync(path, cancellationToken)).GetProperty("revision").GetInt64();
                }
                catch (CliFailure failure) when (failure.ExitCode == ExitCodes.Failed)
                {
                    head = 0; // not classified yet
                }

                result = await context.Api.PostJsonAsync(path, new { answers, baseRevision = head }, cancellationToken);
            }

            if (context.Json)
            {
                context.WriteJson(result);
                return ExitCodes.Ok;
            }

            var r = result.GetProperty("result");
            context.Console.MarkupLine($"[bold]{Markup.Escape(result.Text("system"))}: {r.Text("tier")}[/] (revision {result.Text("revision")}, log entry {result.Text("index")})" +
                (r.GetProperty("generalPurpose").GetBoolean() ? "; general-purpose model" : "") + (r.GetProperty("systemicRisk").GetBoolean() ? " with systemic risk" : ""));
            foreach (var reason in r.GetProperty("reasons").EnumerateArray())
            {
                context.Console.WriteLine($"Because {reason.Text("article")}: {reason.Text("text")}");
            }

            foreach (var duty in r.GetProperty("obligations").EnumerateArray())
            {
                context.Console.WriteLine($"Must    {duty.Text("article")}: {duty.Text("text")}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
