using System.Globalization;

namespace Vigie.Core.Policies;

/// <summary>
/// Evaluates a policy on a release dossier. Pure: the same policy and dossier always give the
/// same result (the time is the dossier's <c>time</c>). Each rule: not applicable when the
/// dossier's action is not in its <c>applies_to</c> or its <c>when</c> is false; else pass or
/// fail on <c>require</c>. A rule that cannot be evaluated fails (the gate fails closed). A
/// failing rule is waived when the dossier lists an unexpired waiver for it and this action.
/// </summary>
public static class PolicyGate
{
    public static GateEvaluation Evaluate(Policy policy, ReleaseDossier dossier)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(dossier);

        var unknown = dossier.Waivers.Where(w => policy.Find(w.RuleId) is null)
            .Select(w => $"The waiver granted by decision {w.DecisionId} names rule '{w.RuleId}', which policy {policy.PolicyVersion} does not have.")
            .ToList();
        if (unknown.Count > 0)
        {
            return new GateEvaluation(null, unknown);
        }

        var results = new RuleResult[policy.Compiled.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Evaluate(policy.Compiled[i], dossier);
        }

        return new GateEvaluation(new GateResult(Verdict(results), dossier.Sha256, policy.PolicyVersion, policy.Sha256, results), []);
    }

    private static RuleResult Evaluate(CompiledRule compiled, ReleaseDossier dossier)
    {
        var rule = compiled.Rule;
        if (!rule.AppliesToAction(dossier.Action))
        {
            return new RuleResult(rule.Id, RuleOutcome.NotApplicable, rule.Severity, rule.Message, []);
        }

        var read = compiled.Shown.Select(p => new RuleRead(p, dossier.Value)).ToArray();
        if (compiled.When is { } when)
        {
            var relevant = CelRuntime.Run(when, dossier.Value);
            if (relevant.Failed)
            {
                return Failed(rule, dossier, read, $"'when' could not be evaluated: {relevant.Error}");
            }

            if (!relevant.Value)
            {
                return new RuleResult(rule.Id, RuleOutcome.NotApplicable, rule.Severity, rule.Message, read);
            }
        }

        var outcome = CelRuntime.Run(compiled.Require, dossier.Value);
        if (outcome.Failed)
        {
            return Failed(rule, dossier, read, $"'require' could not be evaluated: {outcome.Error}");
        }

        return outcome.Value
            ? new RuleResult(rule.Id, RuleOutcome.Pass, rule.Severity, rule.Message, read)
            : Failed(rule, dossier, read, null);
    }

    private static RuleResult Failed(PolicyRule rule, ReleaseDossier dossier, RuleRead[] read, string? error)
    {
        var message = error is null ? rule.Message : $"{rule.Message} ({error})";
        var waiver = dossier.Waivers.Where(w => w.Covers(rule.Id, dossier.Action, dossier.Time)).MaxBy(w => w.ExpiresAt);
        if (waiver is null)
        {
            return new RuleResult(rule.Id, RuleOutcome.Fail, rule.Severity, message, read, null, error);
        }

        var until = waiver.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new RuleResult(rule.Id, RuleOutcome.Waived, rule.Severity, $"{message} — waived by decision {waiver.DecisionId} until {until}: {waiver.Reason}", read, waiver, error);
    }

    private static GateVerdict Verdict(IReadOnlyList<RuleResult> results)
    {
        if (results.Any(r => r is { Outcome: RuleOutcome.Fail, Severity: RuleSeverity.Block }))
        {
            return GateVerdict.Deny;
        }

        return results.Any(r => r.Outcome == RuleOutcome.Waived || r is { Outcome: RuleOutcome.Fail, Severity: RuleSeverity.Warn })
            ? GateVerdict.AllowWithWarnings
            : GateVerdict.Allow;
    }
}
