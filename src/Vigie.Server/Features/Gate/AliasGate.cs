using System.Globalization;
using Vigie.Core.Policies;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// The gate an alias move (a deployment) must pass: the active policy on the target version's
/// dossier for the alias's action. A deny refuses the move with the failing rules as reasons. While
/// no policy is active there is nothing to run and the move needs only its approved decision.
/// </summary>
public sealed class AliasGate(GateChecks gate, PolicyQueries policies)
{
    /// <summary>The evaluation (null when no policy is active), or the problem that refuses the move.</summary>
    public sealed record Outcome(GateRun? Check, IResult? Refusal);

    public async Task<Outcome> RunForAliasAsync(string actor, string system, string version, string action, CancellationToken cancellationToken)
    {
        if (await policies.ActivePolicyAsync(cancellationToken) is null)
        {
            return new Outcome(null, null);
        }

        var run = await gate.CheckAsync(actor, system, version, action, cancellationToken);
        if (!run.Succeeded)
        {
            return new Outcome(null, GateProblems.Of(run.Status, run.Error!));
        }

        var result = run.Result!;
        if (result.Verdict != GateVerdict.Deny)
        {
            return new Outcome(run, null);
        }

        var reasons = result.Rules.Where(r => r is { Outcome: RuleOutcome.Fail, Severity: RuleSeverity.Block }).ToList();
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"The release gate denies {action} of {system}@{version} under policy {result.PolicyVersion} (evaluation recorded as log entry {run.Index}): ") +
            string.Join(" ", reasons.Select(r => $"[{r.Id}] {r.Message}"));
        return new Outcome(run, Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Denied by the release gate",
            extensions: new Dictionary<string, object?>
            {
                ["gate"] = new { result = result.Result, index = run.Index, policyVersion = result.PolicyVersion, dossierDigest = result.DossierDigest },
                ["rules"] = reasons.Select(r => new { id = r.Id, message = r.Message }),
            }));
    }
}
