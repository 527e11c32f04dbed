using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie decisions show ID: stages, sign-offs (stale ones marked), dissent, the evidence snapshot and the timeline.</summary>
internal static class DecisionsShowCommand
{
    public static Command Create(CliApp app)
    {
        var id = new Argument<string>("ID") { Description = "The decision, e.g. dec-42." };
        var command = new Command("show", "Show a decision: stages, sign-offs, dissent, evidence snapshot and timeline.") { id };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var d = await context.Api.GetJsonAsync(DecisionText.Path(parse.GetValue(id)!), cancellationToken);
            if (context.Json)
            {
                context.WriteJson(d);
                return ExitCodes.Ok;
            }

            var console = context.Console;
            console.MarkupLine($"[bold]{Markup.Escape(d.Text("id"))}[/] {Markup.Escape(d.Text("title"))}");
            console.WriteLine($"{d.Text("type")} about {DecisionText.Subject(d)}, {d.Text("visibility")}; opened {d.Text("openedAt")} by {d.Text("openedBy")} " +
                              $"under charter {d.GetProperty("charter").Text("name")} v{d.GetProperty("charter").Text("version")}.");
            console.WriteLine(DecisionText.Standing(d));
            if (d.TryGetProperty("veto", out var veto) && veto.ValueKind == JsonValueKind.Object)
            {
                console.WriteLine($"Vetoed by {veto.Text("by")} (log entry {veto.Text("index")}): {veto.Text("reason")}");
            }

            if (d.TryGetProperty("reversal", out var reversal) && reversal.ValueKind == JsonValueKind.Object)
            {
                console.WriteLine($"Reversed by {reversal.Text("by")} (log entry {reversal.Text("index")}): {reversal.Text("reason")}");
            }

            var stages = new Table().Title("Stages").AddColumns("Stage", "Role", "Kind", "Quorum", "Approvals", "Rejections", "Result");
            foreach (var s in d.GetProperty("stages").EnumerateArray())
            {
                stages.AddRow(Markup.Escape(s.Text("name")), s.Text("role"), s.Text("kind"), s.Text("quorum"), s.Text("approvals"), s.Text("rejections"),
                    s.GetProperty("current").GetBoolean() ? "[bold]waiting[/]" : s.Text("result"));
            }

            console.Write(stages);
            var signOffs = new Table().Title("Sign-offs").AddColumns("Entry", "Signer", "Stage", "Verdict", "Snapshot", "Status", "Comment");
            foreach (var s in d.GetProperty("signOffs").EnumerateArray())
            {
                var status = s.Text("status") == "counting" ? "counts" : $"{s.Text("status").ToUpperInvariant()}: {s.Text("statusReason")}";
                var words = string.Join(" — ", new[] { s.Text("conditions"), s.Text("justification"), s.Text("comment") }.Where(t => t.Length > 0));
                signOffs.AddRow(s.Text("index"), Markup.Escape(s.Text("signer")), Markup.Escape(s.Text("stage")), s.Text("verdict"),
                    DecisionText.ShortDigest(s.Text("snapshotDigest")), Markup.Escape(status), Markup.Escape(words));
            }

            console.Write(signOffs);
            foreach (var x in d.GetProperty("dissent").EnumerateArray())
            {
                var text = x.GetProperty("statementWithheld").GetBoolean() ? "(statement confidential)" : x.Text("statement");
                var why = x.GetProperty("confidential").GetBoolean() ? $" [confidential: {x.Text("confidentialReason")}]" : "";
                console.WriteLine($"Dissent by {x.Text("author")} (log entry {x.Text("index")}){why}: {text}");
            }

            var snapshot = d.GetProperty("snapshot");
            var items = new Table().Title($"Evidence snapshot {snapshot.Text("digest")}").AddColumns("Kind", "Id", "Title", "SHA-256", "Log entry");
            foreach (var i in snapshot.GetProperty("items").EnumerateArray())
            {
                items.AddRow(i.Text("kind"), Markup.Escape(i.Text("id")), Markup.Escape(i.Text("title")), DecisionText.ShortDigest(i.Text("sha256")), i.Text("logIndex"));
            }

            console.Write(items);
            var timeline = new Table().Title("Timeline").AddColumns("Entry", "Time (UTC)", "Who", "What");
            foreach (var t in d.GetProperty("timeline").EnumerateArray())
            {
                timeline.AddRow(t.Text("index"), t.Text("at"), Markup.Escape(t.Text("actor")), Markup.Escape(t.Text("text")));
            }

            console.Write(timeline);
            return ExitCodes.Ok;
        });
        return command;
    }
}
