using System.CommandLine;
using Vigie.Cli.Http;
using Vigie.Core.Policies;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie policy diff [FILE]: what FILE would change in the active policy (computed here, with the
/// server's reader), or without FILE what the active policy changed from the one before it.
/// </summary>
internal static class PolicyDiffCommand
{
    public static Command Create(CliApp app)
    {
        var file = new Argument<string?>("FILE") { Description = "A policy file to compare with the active policy.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("diff", "Show the rule changes and the text diff: FILE against the active policy, or the active policy against the previous one.") { file };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var path = parse.GetValue(file);
            var proposed = path is null ? null : await PolicyFile.LoadAsync(path, cancellationToken);
            var active = await context.Api.GetJsonAsync("api/v1/policies/active", cancellationToken);
            IEnumerable<(string Id, string Change, string Fields)> changes;
            string diff;
            if (proposed is null)
            {
                changes = active.GetProperty("changes").EnumerateArray()
                    .Select(c => (c.Text("id"), c.Text("change"), string.Join(", ", c.GetProperty("fields").EnumerateArray().Select(f => f.GetString()))));
                diff = active.Text("diff") + (active.GetProperty("diffTruncated").GetBoolean() ? "… (cut to fit one log entry; both texts are in the log)\n" : "");
            }
            else
            {
                var computed = PolicyDiff.Compute(PolicyReader.Read(active.Text("text")).Policy, proposed);
                changes = computed.Rules.Select(c => (c.Id, c.Kind.ToString().ToLowerInvariant(), string.Join(", ", c.Fields)));
                diff = computed.ToUnified();
            }

            var list = changes.ToList();
            if (context.Json)
            {
                context.WriteJson(new { changes = list.Select(c => new { id = c.Id, change = c.Change, fields = c.Fields }), diff });
                return ExitCodes.Ok;
            }

            foreach (var (id, change, fields) in list)
            {
                context.Environment.Out.WriteLine($"{change,-8} {id}{(fields.Length > 0 ? $" ({fields})" : "")}");
            }

            context.Environment.Out.Write(diff);
            return ExitCodes.Ok;
        });
        return command;
    }
}
