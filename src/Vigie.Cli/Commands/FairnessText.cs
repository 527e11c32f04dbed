using System.Globalization;
using Spectre.Console;
using Vigie.Core.Impact;

namespace Vigie.Cli.Commands;

/// <summary>A fairness report for people: per-group rates, the disparity metrics, the four-fifths verdict, warnings.</summary>
internal static class FairnessText
{
    public static void Print(IAnsiConsole console, FairnessReport r, long rows)
    {
        console.MarkupLine($"[bold]Fairness over {rows.ToString(CultureInfo.InvariantCulture)} rows, {r.Groups.Count} groups by {Markup.Escape(string.Join(" & ", r.GroupColumns))}[/]");
        var groups = new Table().AddColumns("Group", "Samples", "Selection rate", "TPR", "FPR", "Disparate impact");
        foreach (var g in r.Groups)
        {
            var di = r.DisparateImpacts.FirstOrDefault(d => d.Group == g.Group);
            groups.AddRow(Markup.Escape(g.Group), g.Samples.ToString(CultureInfo.InvariantCulture), ImpactText.Ratio(g.SelectionRate),
                ImpactText.Ratio(g.TruePositiveRate), ImpactText.Ratio(g.FalsePositiveRate),
                g.Group == r.Reference ? "reference" : di is null ? "" : $"{ImpactText.Ratio(di.Ratio)}{(di.PassesFourFifths == false ? " FAILS 4/5" : "")}");
        }

        console.Write(groups);
        console.WriteLine($"Demographic parity: difference {ImpactText.Ratio(r.DemographicParityDifference)}, ratio {ImpactText.Ratio(r.DemographicParityRatio)}");
        console.WriteLine($"Equalized odds: difference {ImpactText.Ratio(r.EqualizedOddsDifference)}, ratio {ImpactText.Ratio(r.EqualizedOddsRatio)}");
        console.WriteLine($"Reference group: {r.Reference} ({r.ReferenceChosenBy})");
        console.WriteLine(r.PassesFourFifths switch
        {
            false => "Four-fifths rule (29 CFR 1607.4(D)): FAILS — a group's selection rate is below 0.8 of the reference group's.",
            true => "Four-fifths rule (29 CFR 1607.4(D)): passes.",
            _ => "Four-fifths rule: not computable.",
        });
        foreach (var w in r.Warnings)
        {
            console.WriteLine("Warning: " + w);
        }
    }
}
