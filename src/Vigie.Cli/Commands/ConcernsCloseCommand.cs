using System.CommandLine;
using Vigie.Cli.Concerns;

namespace Vigie.Cli.Commands;

/// <summary>vigie concerns close ID --outcome O [--category C] [--key FILE --text FILE]: close with an outcome (public, counted in statistics).</summary>
internal static class ConcernsCloseCommand
{
    public static Command Create(CliApp app)
    {
        var id = ConcernSteps.IdArgument();
        var outcome = new Option<string>("--outcome")
        {
            Description = "substantiated, partially-substantiated, not-substantiated, referred-externally, insufficient-information or withdrawn.",
            Required = true,
        };
        var category = new Option<string?>("--category") { Description = "Correct the category: safety, security, legal-compliance, misconduct, retaliation or other." };
        var key = ConcernSteps.KeyOption(required: false);
        var text = ConcernSteps.TextOption(required: false, "A file with a closing message to the reporter.");
        var command = new Command("close", "Close a concern with its outcome; optionally with a closing message sealed to the reporter.") { id, outcome, category, key, text };
        app.SetAction(command, (context, parse, cancellationToken) =>
            ConcernSteps.PostAsync(context, parse.GetValue(id)!, "close", "closed", new() { ["outcome"] = parse.GetValue(outcome), ["category"] = parse.GetValue(category) },
                parse.GetValue(key), parse.GetValue(text), cancellationToken));
        return command;
    }
}
