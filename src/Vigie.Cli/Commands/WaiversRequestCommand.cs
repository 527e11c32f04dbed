using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie waivers request: asks for one rule to be set aside for one version and action until an
/// expiry — which opens a waiver decision under the charter. Its id goes alone on stdout.
/// </summary>
internal static class WaiversRequestCommand
{
    public static Command Create(CliApp app)
    {
        var options = new GateOptions();
        var rule = new Option<string>("--rule") { Description = "The id of the active policy's rule to waive.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the rule may be set aside: published with the waiver.", Required = true };
        var expires = new Option<string>("--expires") { Description = "When the waiver stops applying: a date (2026-12-31, start of day UTC) or an RFC 3339 time; at most 366 days away.", Required = true };
        var title = new Option<string?>("--title") { Description = "The decision's title (default: says what is waived until when)." };
        var visibility = new Option<string?>("--visibility") { Description = "public or internal (default: as the version)." };
        visibility.AcceptOnlyFromAmong("public", "internal");
        var command = new Command("request", "Request a waiver of one rule for one version and action, until an expiry: opens a waiver decision.")
        {
            rule, reason, expires, title, visibility,
        };
        options.AddTo(command);
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var opened = await context.Api.PostJsonAsync("api/v1/waivers", new
            {
                system = parse.GetValue(options.System),
                version = parse.GetValue(options.Version),
                action = parse.GetValue(options.Action),
                ruleId = parse.GetValue(rule),
                reason = parse.GetValue(reason),
                expiresAt = parse.GetValue(expires),
                title = parse.GetValue(title),
                visibility = parse.GetValue(visibility),
            }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(opened);
                return ExitCodes.Ok;
            }

            var decision = opened.GetProperty("decision");
            var waiver = opened.GetProperty("waiver");
            context.Environment.Out.WriteLine(decision.Text("id"));
            context.Notice(
                $"Opened {decision.Text("id")} (waiver of rule '{waiver.Text("ruleId")}' for {decision.Text("system")}@{decision.Text("version")} " +
                $"{waiver.Text("action")} until {waiver.Text("expiresAt")}, under {waiver.Text("policyVersion")}); log entry {decision.Text("index")}. " +
                "It applies once the decision is approved under the charter.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
