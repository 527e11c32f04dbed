using System.CommandLine;

namespace Vigie.Cli.Commands;

/// <summary>The capability-risk command groups: frameworks, evals, scorecard, forecast, risks.</summary>
internal static class RiskCommands
{
    public static void AddTo(RootCommand root, CliApp app)
    {
        var frameworks = new Command("frameworks", "The capability-risk framework: categories, levels and thresholds (changed only through a framework-change decision).");
        frameworks.Subcommands.Add(FrameworksAdoptCommand.Create(app));
        frameworks.Subcommands.Add(FrameworksShowCommand.Create(app));
        root.Subcommands.Add(frameworks);

        var evals = new Command("evals", "Evaluation evidence: import Inspect, lm-eval, model-index or CSV results; list them; see what is due.");
        evals.Subcommands.Add(EvalsImportCommand.Create(app));
        evals.Subcommands.Add(EvalsListCommand.Create(app));
        evals.Subcommands.Add(EvalsDueCommand.Create(app));
        root.Subcommands.Add(evals);

        var scorecard = new Command("scorecard", "Risk scorecards: levels per category derived from the thresholds, confirmed by a person, with safeguards.");
        scorecard.Subcommands.Add(ScorecardShowCommand.Create(app));
        scorecard.Subcommands.Add(ScorecardConfirmCommand.Create(app));
        scorecard.Subcommands.Add(ScorecardSafeguardCommand.Create(app));
        root.Subcommands.Add(scorecard);

        root.Subcommands.Add(ForecastCommand.Create(app));

        var risks = new Command("risks", "The risk register: add, update, list (overdue reviews), show, import and export CSV.");
        risks.Subcommands.Add(RisksAddCommand.Create(app));
        risks.Subcommands.Add(RisksUpdateCommand.Create(app));
        risks.Subcommands.Add(RisksListCommand.Create(app));
        risks.Subcommands.Add(RisksShowCommand.Create(app));
        risks.Subcommands.Add(RisksImportCommand.Create(app));
        risks.Subcommands.Add(RisksExportCommand.Create(app));
        root.Subcommands.Add(risks);
    }
}
