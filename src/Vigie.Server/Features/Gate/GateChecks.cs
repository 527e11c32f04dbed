using Vigie.Core.Ledger;
using Vigie.Core.Policies;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// Runs the release gate: assembles the dossier (or reuses one evaluated while nothing it reads
/// changed: <see cref="GateCache"/>), evaluates the active policy on it, and records the evaluation
/// in the log (<see cref="GateEntries.Checked"/>: dossier digest, policy version, result and each
/// rule's outcome — not the values read, so a 200-rule result still fits one entry). The caller
/// gets the result only once that entry is durable.
/// </summary>
public sealed class GateChecks(
    PolicyQueries policies, DossierBuilder builder, Ledger.Ledger ledger, Database database, GateCache cache, GateIndexTracker tracker, TimeProvider time)
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

        var (evaluated, problem) = await EvaluateAsync((system, version, action), cancellationToken);
        if (evaluated is null)
        {
            return problem!;
        }

        var dossier = evaluated.Dossier;

        // The entry is as public as the version it judges.
        var visibility = dossier.Json.GetProperty("version").GetProperty("visibility").GetString() == "public" ? Visibility.Public : Visibility.Internal;
        var appended = await ledger.AppendAsync(new LedgerWrite(GateEntries.Checked, actor, visibility, evaluated.Body), cancellationToken);
        return appended.Succeeded
            ? new GateRun(StatusCodes.Status200OK, null, evaluated.Result, appended.Index, appended.Time, dossier) { Stable = evaluated.Stable }
            : GateRun.Fail(StatusCodes.Status409Conflict, appended.Conflict!);
    }

    private async Task<(GateCache.Entry? Entry, GateRun? Problem)> EvaluateAsync((string System, string Version, string Action) key, CancellationToken cancellationToken)
    {
        if (cache.Enabled && database.Provider == DbProvider.Postgres)
        {
            await ledger.CatchUpAsync(cancellationToken); // another server process may have logged a change
        }

        if (cache.TryGet(key, ledger.Tree.Size, time.GetUtcNow(), tracker) is { } hit)
        {
            return (hit, null);
        }

        var fill = cache.FillLock(key);
        await fill.WaitAsync(cancellationToken);
        try
        {
            if (cache.TryGet(key, ledger.Tree.Size, time.GetUtcNow(), tracker) is { } filled)
            {
                return (filled, null);
            }

            // Read the tree size first: every entry below it is reflected in what is read next.
            var mark = ledger.Tree.Size;
            if (await policies.ActivePolicyAsync(cancellationToken) is not { } policy)
            {
                return (null, GateRun.Fail(StatusCodes.Status409Conflict, NoPolicy));
            }

            var now = time.GetUtcNow();
            var build = await builder.BuildAsync(new DossierRequest(key.System, key.Version, key.Action, now), policy, cancellationToken);
            if (!build.Succeeded)
            {
                return (null, GateRun.Fail(build.Status, build.Error!));
            }

            var evaluation = PolicyGate.Evaluate(policy, build.Dossier!);
            if (!evaluation.Succeeded)
            {
                // The builder keeps only waivers of rules the policy has, so this is a fault, not input.
                return (null, GateRun.Fail(StatusCodes.Status500InternalServerError, evaluation.ErrorText));
            }

            var result = evaluation.Result!;
            var body = new GateEntries.CheckedBody(key.System, key.Version, key.Action, result.Result, result.DossierDigest, result.PolicyVersion,
                result.PolicySha256, [.. result.Rules.Select(r => new GateEntries.RuleOutcomeBody(r.Id, PolicyNames.Name(r.Outcome)))]);
            var entry = new GateCache.Entry(mark, now, build.Dossier!, result, BodyJson.ToElement(body), result.ToUtf8Json());
            cache.Put(key, entry);
            return (entry, null);
        }
        finally
        {
            fill.Release();
        }
    }
}
