using System.CommandLine;

namespace Vigie.Cli.Commands;

/// <summary>The fields of a risk, shared by 'vigie risks add' and 'vigie risks update'.</summary>
internal sealed class RiskArguments
{
    public Option<string> Category { get; } = new("--category") { Description = "Risk category (e.g. cyber, bio, privacy).", Required = true };

    public Option<string> Title { get; } = new("--title") { Description = "The risk in one line.", Required = true };

    public Option<string> Owner { get; } = new("--owner") { Description = "Who owns it.", Required = true };

    public Option<int> Likelihood { get; } = new("--likelihood") { Description = "1 (rare) to 5 (almost certain) on the default matrix.", Required = true };

    public Option<int> Severity { get; } = new("--severity") { Description = "1 (negligible) to 5 (catastrophic) on the default matrix.", Required = true };

    public Option<string> Treatment { get; } = new("--treatment") { Description = "mitigate, avoid, transfer or accept.", Required = true };

    public Option<string> Review { get; } = new("--review") { Description = "Next review date, YYYY-MM-DD.", Required = true };

    public Option<string?> Description { get; } = new("--description") { Description = "More detail." };

    public Option<string?> Plan { get; } = new("--plan") { Description = "The treatment plan." };

    public Option<int?> ResidualLikelihood { get; } = new("--residual-likelihood") { Description = "Likelihood after treatment." };

    public Option<int?> ResidualSeverity { get; } = new("--residual-severity") { Description = "Severity after treatment." };

    public Option<string?> Status { get; } = new("--status") { Description = "open (default) or closed." };

    public Option<string[]> Links { get; } = new("--link") { Description = "A linked decision, incident, evidence or evaluation (dec-N, inc-N, ev-N, eval-N); repeat it." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Category, Title, Owner, Likelihood, Severity, Treatment, Review, Description, Plan, ResidualLikelihood, ResidualSeverity, Status, Links })
        {
            command.Options.Add(option);
        }
    }

    public object Body(ParseResult parse, string? reason) => new
    {
        category = parse.GetValue(Category),
        title = parse.GetValue(Title),
        owner = parse.GetValue(Owner),
        likelihood = parse.GetValue(Likelihood),
        severity = parse.GetValue(Severity),
        treatment = parse.GetValue(Treatment),
        reviewDate = parse.GetValue(Review),
        description = parse.GetValue(Description),
        treatmentPlan = parse.GetValue(Plan),
        residualLikelihood = parse.GetValue(ResidualLikelihood),
        residualSeverity = parse.GetValue(ResidualSeverity),
        status = parse.GetValue(Status),
        links = parse.GetValue(Links) ?? [],
        reason,
    };
}
