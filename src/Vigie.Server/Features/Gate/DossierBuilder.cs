using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Core.Ledger;
using Vigie.Core.Policies;
using Vigie.Server.Features.Cards;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// Assembles the release dossier for one system version and action at one time (docs/dossier.md):
/// the required fields and the gate's own parts first — registry, model card with its profile
/// checks, decisions with their stale flags, the evidence digest, waivers, compute, time — then
/// every registered <see cref="IDossierSource"/> in turn adds its part. The result is checked with
/// <see cref="ReleaseDossier.Parse(ReadOnlySpan{byte})"/>, the same check a dossier sent from
/// outside gets, so nothing unchecked reaches a rule.
/// </summary>
public sealed class DossierBuilder(
    RegistryQueries registry,
    CardQueries cards,
    DecisionQueries decisions,
    EvidenceSnapshots evidence,
    WaiverQueries waivers,
    IEnumerable<IDossierSource> sources,
    ILogger<DossierBuilder> logger)
{
    private readonly IDossierSource[] _sources = [.. sources];

    /// <summary>
    /// Assembles the dossier for <paramref name="request"/>. The waivers listed are those in force
    /// that <paramref name="policy"/> (the policy the dossier is for; null: none is active) can
    /// honour: a waiver of a rule the policy no longer has, or of a rule that judges waivers, is
    /// retired and left out.
    /// </summary>
    public async Task<DossierBuild> BuildAsync(DossierRequest request, Policy? policy, CancellationToken cancellationToken)
    {
        if (GateRequests.CheckSubject(request.System, request.Version, request.Action) is { } invalid)
        {
            return DossierBuild.Fail(StatusCodes.Status400BadRequest, invalid);
        }

        if (await registry.GetSystemAsync(request.System, includeInternal: true, cancellationToken) is not { } system)
        {
            return DossierBuild.Fail(StatusCodes.Status404NotFound, $"No system '{request.System}' is registered (vigie systems list).");
        }

        if (await registry.GetVersionAsync(request.System, request.Version, includeInternal: true, cancellationToken) is not { } version)
        {
            return DossierBuild.Fail(StatusCodes.Status404NotFound,
                $"No version '{request.Version}' of '{request.System}' is registered (vigie versions list {request.System}).");
        }

        var snapshot = await evidence.TakeAsync(request.System, request.Version, cancellationToken);
        var dossier = new JsonObject
        {
            ["schemaVersion"] = DossierSchema.Version,
            ["system"] = DossierParts.System(system),
            ["version"] = DossierParts.Version(version, snapshot.Digest),
            ["action"] = request.Action,
            ["time"] = LedgerTime.Format(request.Time),
        };
        if (await cards.LatestAsync(request.System, request.Version, includeInternal: true, cancellationToken) is { } card)
        {
            dossier["card"] = DossierParts.Card(card);
        }

        // Evaluation results belong to the risk feature, which appends them through its source.
        dossier["evaluations"] = new JsonArray();
        var about = await decisions.AboutVersionAsync(request.System, request.Version, cancellationToken);
        dossier["decisions"] = new JsonArray([.. about.Select(d => (JsonNode)DossierParts.Decision(d.Summary, d.State, snapshot.Digest))]);
        var inForce = policy is null ? [] : await waivers.InForceAsync(request.System, request.Version, request.Action, request.Time, cancellationToken);
        dossier["waivers"] = new JsonArray([.. inForce
            .Where(w => policy!.Find(w.RuleId) is { ReadsWaivers: false })
            .Select(w => (JsonNode)DossierParts.Waiver(w))]);
        var (own, withLineage) = await registry.ComputeAsync(request.System, request.Version, cancellationToken);
        dossier["compute"] = DossierParts.Compute(own, withLineage);

        foreach (var source in _sources)
        {
            await source.ContributeAsync(request, dossier, cancellationToken);
        }

        var parse = ReleaseDossier.Parse(JsonSerializer.SerializeToUtf8Bytes(dossier));
        if (!parse.Succeeded)
        {
            // Every part above is bounded by what its feature accepts, so this is a bug in a part or a source.
            logger.LogError("The dossier assembled for {System}@{Version} ({Action}) does not follow the schema: {Errors}",
                request.System, request.Version, request.Action, parse.ErrorText);
            return DossierBuild.Fail(StatusCodes.Status500InternalServerError,
                $"The release dossier assembled for {request.System}@{request.Version} does not follow dossier schema {DossierSchema.Version}, " +
                $"so the gate cannot be run on it (a fault in the server, reported in its log): {parse.ErrorText}");
        }

        return new DossierBuild(StatusCodes.Status200OK, null, parse.Dossier, dossier);
    }
}
