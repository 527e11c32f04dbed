using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie decisions sign ID --approve|--reject|--conditions "...": signs at the decision's current
/// stage, bound to the evidence snapshot you reviewed (--snapshot, from 'decisions show'; by
/// default the one the decision shows now, which is printed).
/// </summary>
internal static class DecisionsSignCommand
{
    public static Command Create(CliApp app)
    {
        var id = new Argument<string>("ID") { Description = "The decision, e.g. dec-42." };
        var approve = new Option<bool>("--approve") { Description = "Approve." };
        var reject = new Option<bool>("--reject") { Description = "Reject." };
        var conditions = new Option<string?>("--conditions") { Description = "Approve on these conditions." };
        var comment = new Option<string?>("--comment") { Description = "A comment recorded with the sign-off." };
        var justification = new Option<string?>("--justification") { Description = "Why you go against the recommendation (required when you do)." };
        var snapshot = new Option<string?>("--snapshot") { Description = "The evidence snapshot digest you reviewed (default: the decision's current one)." };
        var command = new Command("sign", "Sign a decision at its current stage: approve, reject, or approve with conditions.")
        {
            id, approve, reject, conditions, comment, justification, snapshot,
        };
        command.Validators.Add(result =>
        {
            var chosen = new[] { result.GetValue(approve), result.GetValue(reject), result.GetValue(conditions) is not null }.Count(x => x);
            if (chosen != 1)
            {
                result.AddError("Give exactly one of --approve, --reject or --conditions \"...\".");
            }
        });
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var path = DecisionText.Path(parse.GetValue(id)!);
            var digest = parse.GetValue(snapshot);
            if (digest is null)
            {
                var current = await context.Api.GetJsonAsync(path, cancellationToken);
                digest = current.GetProperty("snapshot").Text("digest");
                context.Notice($"Signing on evidence snapshot {digest} ({current.GetProperty("snapshot").GetProperty("items").GetArrayLength()} item(s)); see them with 'vigie decisions show {current.Text("id")}'.");
            }

            var verdict = parse.GetValue(approve) ? "approve" : parse.GetValue(reject) ? "reject" : "approve-with-conditions";
            var signed = await context.Api.PostJsonAsync(path + "/sign-offs", new
            {
                verdict,
                snapshotDigest = digest,
                conditions = parse.GetValue(conditions),
                comment = parse.GetValue(comment),
                justification = parse.GetValue(justification),
            }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(signed);
                return ExitCodes.Ok;
            }

            var decision = signed.GetProperty("decision");
            var mine = decision.GetProperty("signOffs").EnumerateArray().Last(s => s.Text("index") == signed.Text("index"));
            context.Environment.Out.WriteLine(
                $"Signed {decision.Text("id")} ({verdict}) at stage '{mine.Text("stage")}' as log entry {signed.Text("index")}. {DecisionText.Standing(decision)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
