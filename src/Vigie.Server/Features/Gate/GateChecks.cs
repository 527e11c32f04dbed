using Vigie.Core.Ledger;
using Vigie.Core.Policies;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// Runs the release gate: assembles the dossier, evaluates the active policy on it, and records
/// the evaluation in the log (<see cref="GateEntries.Checked"/>: dossier digest, policy version,
/// result and each rule's outcome — not the values read, so a 200-rule result still fits one entry).
/// The caller gets the result only once that entry is durable.
/// </summary>
public sealed class GateChecks(PolicyQueries policies, DossierBuilder builder, Ledger.Ledger ledger, TimeProvider time)
{
    public const string NoPolicy =
        "No policy is active yet, so there is nothing to check against: propose one with 'vigie policy apply FILE' " +
        "(presets are in presets/policies/) and take the policy-change decision it opens.";

    public async Task<GateRun> CheckAsync(string actor, string system, string version, string action, CancellationToken cancellationToken)
    {
        if (GateRequests.CheckSubject(system, version, action) is { } invalid)
        {
            return GateRun.Fail(StatusCodes.Status400BadRequest, invalid);
        }

        if (await policies.ActivePolicyAsync(cancellationToken) is not { } policy)
        {
            return GateRun.Fail(StatusCodes.Status409Conflict, NoPolicy);
        }

        var build = await builder.BuildAsync(new DossierRequest(system, version, action, time.GetUtcNow()), policy, cancellationToken);
        if (!build.Succeeded)
        {
            return GateRun.Fail(build.Status, build.Error!);
        }

        var dossier = build.Dossier!;
        var evaluation = PolicyGate.Evaluate(policy, dossier);
        if (!evaluation.Succeeded)
        {
            // The builder keeps only waivers of rules the policy has, so this is a fault, not input.
            return GateRun.Fail(StatusCodes.Status500InternalServerError, evaluation.ErrorText);
        }

        var result = evaluation.Result!;
        var body = new GateEntries.CheckedBody(system, version, action, result.Result, result.DossierDigest, result.PolicyVersion, result.PolicySha256,
            [.. result.Rules.Select(r => new GateEntries.RuleOutcomeBody(r.Id, PolicyNames.Name(r.Outcome)))]);

        // The entry is as public as the version it judges.
        var visibility = dossier.Json.GetProperty("version").GetProperty("visibility").GetString() == "public" ? Visibility.Public : Visibility.Internal;
        var appended = await ledger.AppendAsync(new LedgerWrite(GateEntries.Checked, actor, visibility, BodyJson.ToElement(body)), cancellationToken);
        return appended.Succeeded
            ? new GateRun(StatusCodes.Status200OK, null, result, appended.Index, appended.Time, dossier)
            : GateRun.Fail(StatusCodes.Status409Conflict, appended.Conflict!);
    }
}
