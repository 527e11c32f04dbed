using System.CommandLine;
using Vigie.Cli.Concerns;

namespace Vigie.Cli.Commands;

/// <summary>vigie concerns ack ID [--key FILE --text FILE]: acknowledge receipt (Directive 2019/1937: within 7 days).</summary>
internal static class ConcernsAckCommand
{
    public static Command Create(CliApp app)
    {
        var id = ConcernSteps.IdArgument();
        var key = ConcernSteps.KeyOption(required: false);
        var text = ConcernSteps.TextOption(required: false, "A file with a message to the reporter (optional).");
        var command = new Command("ack", "Acknowledge a concern you received; optionally with a message sealed to the reporter.") { id, key, text };
        app.SetAction(command, (context, parse, cancellationToken) =>
            ConcernSteps.PostAsync(context, parse.GetValue(id)!, "acknowledge", "acknowledged", [], parse.GetValue(key), parse.GetValue(text), cancellationToken));
        return command;
    }
}
