using System.CommandLine;
using Spectre.Console;
using Vigie.Core.Impact;

namespace Vigie.Cli.Commands;

/// <summary>vigie impact fairness FILE.csv --group COL: disparity metrics over disaggregated results (offline).</summary>
internal static class ImpactFairnessCommand
{
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public static Command Create(CliApp app)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV: one row per sample (group, label, prediction[, weight]) or per group (group, tp, fp, tn, fn)." };
        var o = new FairnessOptions();
        var command = new Command("fairness",
            "Selection rate, TPR and FPR per group; demographic parity, equalized odds, disparate impact and the four-fifths test (offline). " +
            "Exit code 1 when a group fails the four-fifths rule.") { file };
        o.AddTo(command);
        app.SetAction(command, (context, parse, _) =>
        {
            var (report, rows) = o.Analyse(parse.GetValue(file)!, parse);
            if (context.Json)
            {
                context.WriteJson(ImpactJson.Fairness(report));
            }
            else
            {
                FairnessText.Print(context.Console, report, rows);
            }

            return Task.FromResult(report.PassesFourFifths == false ? ExitCodes.Failed : ExitCodes.Ok);
        });
        return command;
    }
}
