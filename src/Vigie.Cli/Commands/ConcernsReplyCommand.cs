using System.CommandLine;
using Vigie.Cli.Concerns;

namespace Vigie.Cli.Commands;

/// <summary>vigie concerns reply ID --key FILE --text FILE [--feedback]: a status update or the feedback, sealed to the reporter.</summary>
internal static class ConcernsReplyCommand
{
    public static Command Create(CliApp app)
    {
        var id = ConcernSteps.IdArgument();
        var key = ConcernSteps.KeyOption(required: true);
        var text = ConcernSteps.TextOption(required: true, "A file with the message to the reporter.");
        var feedback = new Option<bool>("--feedback") { Description = "This reply is the feedback on the follow-up (Directive 2019/1937 Art. 9(1)(f): within 3 months)." };
        var command = new Command("reply", "Reply to the reporter (a monthly status update, or with --feedback the feedback), sealed so only they and the recipients read it.")
        {
            id, key, text, feedback,
        };
        app.SetAction(command, (context, parse, cancellationToken) =>
            ConcernSteps.PostAsync(context, parse.GetValue(id)!, "replies", "replied to", new() { ["feedback"] = parse.GetValue(feedback) },
                parse.GetValue(key), parse.GetValue(text), cancellationToken));
        return command;
    }
}
