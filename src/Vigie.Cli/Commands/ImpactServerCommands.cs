using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie impact record-run | import-fairness | show: the impact records a server keeps about a version.</summary>
internal static class ImpactServerCommands
{
    public static Command RecordRun(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var version = new Argument<string>("VERSION") { Description = "The version." };
        var run = new Argument<string>("RUN") { Description = "A recorded training run (vigie runs add)." };
        var o = new EnergyOptions();
        var command = new Command("record-run", "Estimate a recorded training run's energy, CO2e and water and record it (accelerator-hours and year come from the run).") { system, version, run };
        o.AddTo(command);
        command.Options.Remove(o.Data);
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var r = o.Request(parse);
            var path = $"{RegistryOptions.Path(parse.GetValue(system)!, parse.GetValue(version)!)}/training-runs/{Uri.EscapeDataString(parse.GetValue(run)!)}/energy";
            var recorded = await context.Api.PostJsonAsync(path, new
            {
                accelerator = r.Accelerator, powerWatts = r.PowerWatts, count = r.Count, hours = r.Hours, acceleratorHours = r.AcceleratorHours,
                measuredKwh = r.MeasuredItKwh, pue = r.Pue, region = r.Region, year = r.Year, intensity = r.GridIntensity, marketFactor = r.MarketFactor,
                wue = r.Wue, waterIntensity = r.WaterIntensity,
            }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(recorded);
                return ExitCodes.Ok;
            }

            var e = recorded.GetProperty("estimate");
            context.Console.WriteLine($"Recorded as log entry {recorded.Text("index")}: {Figure(e, "facilityEnergyKwh", "kWh")}, {Figure(e, "locationCo2eKg", "kg CO2e")}, water {Figure(e, "waterLitres", "L")}.");
            foreach (var i in e.GetProperty("inputs").EnumerateArray())
            {
                context.Console.WriteLine($"  {i.Text("name")} = {i.Text("value")} {i.Text("unit")} ({i.Text("origin")}: {i.Text("source")})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command ImportFairness(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var version = new Argument<string>("VERSION") { Description = "The version assessed." };
        var file = new Argument<FileInfo>("FILE") { Description = "The CSV (per sample or per-group counts)." };
        var assessment = new Option<string>("--assessment") { Description = "A name for the assessment, e.g. credit-2026q1 (a later import with the same name supersedes it).", Required = true };
        var o = new FairnessOptions();
        var command = new Command("import-fairness", "Check a fairness CSV locally, then record its results for a version (exit 1 when four-fifths fails).") { system, version, file, assessment };
        o.AddTo(command);
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var info = parse.GetValue(file)!;
            o.Analyse(info, parse); // the same checks offline first: a bad file never leaves the machine
            var csv = o.CsvOptions(parse);
            var query = $"assessment={Uri.EscapeDataString(parse.GetValue(assessment)!)}" +
                string.Concat(csv.GroupColumns.Select(g => "&group=" + Uri.EscapeDataString(g))) +
                $"&label={Uri.EscapeDataString(csv.LabelColumn)}&prediction={Uri.EscapeDataString(csv.PredictionColumn)}" +
                (csv.WeightColumn is null ? "" : "&weight=" + Uri.EscapeDataString(csv.WeightColumn)) +
                (parse.GetValue(o.Reference) is { } reference ? "&reference=" + Uri.EscapeDataString(reference) : "");
            var recorded = await context.Api.PostTextAsync($"{RegistryOptions.Path(parse.GetValue(system)!, parse.GetValue(version)!)}/fairness?{query}",
                await File.ReadAllTextAsync(info.FullName, cancellationToken), "text/csv", cancellationToken);
            var fails = recorded.GetProperty("report").TryGetProperty("passesFourFifths", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.False;
            if (context.Json)
            {
                context.WriteJson(recorded);
            }
            else
            {
                context.Console.WriteLine($"Recorded assessment {recorded.Text("assessment")} ({recorded.Text("rows")} rows, SHA-256 {recorded.Text("fileSha256")}) as log entry {recorded.Text("index")}; four-fifths: {(fails ? "FAILS" : "passes or not computable")}.");
            }

            return fails ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    public static Command Show(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var version = new Argument<string>("VERSION") { Description = "The version." };
        var command = new Command("show", "A version's recorded energy, CO2e and water (per run, with totals), training compute and the thresholds it crosses, and fairness assessments.") { system, version };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var shown = await context.Api.GetJsonAsync(RegistryOptions.Path(parse.GetValue(system)!, parse.GetValue(version)!) + "/impact", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(shown);
                return ExitCodes.Ok;
            }

            var runs = new Table().AddColumns("Run", "Facility energy", "CO2e (location)", "Water", "Log entry");
            foreach (var r in shown.GetProperty("energy").EnumerateArray())
            {
                var e = r.GetProperty("estimate");
                runs.AddRow(Markup.Escape(r.Text("run")), Figure(e, "facilityEnergyKwh", "kWh"), Figure(e, "locationCo2eKg", "kg"), Figure(e, "waterLitres", "L"), r.Text("index"));
            }

            context.Console.Write(runs);
            if (shown.GetProperty("totals").ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                var t = shown.GetProperty("totals");
                context.Console.WriteLine($"Total: {Figure(t, "facilityEnergyKwh", "kWh")}, {Figure(t, "locationCo2eKg", "kg CO2e")}, water {Figure(t, "waterLitres", "L")}.");
            }

            if (shown.TryGetProperty("compute", out var c) && c.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                var crosses = c.GetProperty("crosses").EnumerateArray().Select(t => t.Text("name")).ToList();
                context.Console.WriteLine(Markup.Escape($"Training compute: {Flop(c, "ownFlop")} on this version's runs, {Flop(c, "withLineageFlop")} with its base versions; " +
                    (crosses.Count == 0 ? "no legal threshold crossed." : "over the thresholds of " + string.Join("; ", crosses) + ".")));
            }

            foreach (var f in shown.GetProperty("fairness").EnumerateArray())
            {
                var rep = f.GetProperty("report");
                context.Console.WriteLine($"Fairness {f.Text("assessment")}: DP difference {rep.Text("demographicParityDifference")}, EO difference {rep.Text("equalizedOddsDifference")}, " +
                    $"min disparate impact {rep.Text("minDisparateImpact")}, four-fifths {(rep.Text("passesFourFifths") == "false" ? "FAILS" : rep.Text("passesFourFifths") == "true" ? "passes" : "not computable")}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Flop(System.Text.Json.JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number ? ImpactText.Number(v.GetDouble(), "FLOP") : "not recorded";

    private static string Figure(System.Text.Json.JsonElement e, string name, string unit) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number ? ImpactText.Number(v.GetDouble(), unit) : "not estimated";
}
