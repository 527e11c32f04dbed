using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Core.Attestations;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Features.Registry;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// Issues signed release attestations (ADR 0009): for a recorded gate evaluation that allowed an
/// action, an in-toto Statement v1 about the version's weights in a DSSE envelope signed with the
/// log's key, bundled with the evaluation's log entry, its inclusion proof and the signed
/// checkpoint the proof leads to — so `vigie attest verify` needs nothing but the log's key.
/// </summary>
public sealed class GateAttestations(
    GateCheckQueries checks, RegistryQueries registry, DecisionQueries decisions, Ledger.Ledger ledger, LedgerStore store,
    CheckpointService checkpoints, NoteSigner signer)
{
    /// <summary>Longest wait for a signed checkpoint covering the evaluation (the signer runs within a second).</summary>
    private static readonly TimeSpan CheckpointWait = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public async Task<(int Status, string? Error, JsonObject? Bundle)> IssueAsync(long index, CancellationToken cancellationToken)
    {
        if (await checks.GetAsync(index, includeInternal: true, cancellationToken) is not { } check)
        {
            return (StatusCodes.Status404NotFound, $"Log entry {index} is not a gate evaluation (GET /api/v1/gate/checks lists them).", null);
        }

        if (check.Result == "deny")
        {
            return (StatusCodes.Status409Conflict, $"The gate denied {check.Action} of {check.System}@{check.Version} at log entry {index}; only an allowing evaluation is attested.", null);
        }

        var version = await registry.GetVersionAsync(check.System, check.Version, cancellationToken);
        if (version?.WeightsSha256 is not { } weights)
        {
            return (StatusCodes.Status409Conflict,
                $"{check.System}@{check.Version} has no weights digest registered, and the attestation's subject is the weights: " +
                "register the version with its weights (vigie versions add ... --weights FILE).", null);
        }

        var approved = await decisions.FindApprovedAsync(check.System, check.Version, check.Action, cancellationToken);
        var statement = new ReleaseStatement(check.System, check.Version, check.Action, check.Result, weights, check.DossierDigest,
            check.PolicyVersion, check.PolicySha256, approved?.Id, index, checkpoints.Origin, check.CheckedAt);
        var envelope = ReleaseAttestation.Sign(statement, signer);

        var checkpoint = await CoveringAsync(index, cancellationToken);
        if (checkpoint is null)
        {
            return (StatusCodes.Status503ServiceUnavailable, $"No signed checkpoint covers log entry {index} yet; try again in a second.", null);
        }

        await ledger.EnsureSizeAsync(checkpoint.Size, cancellationToken);
        var entry = (await store.ReadEnvelopeAsync(index, cancellationToken))!;
        var log = new JsonObject
        {
            ["index"] = index,
            ["entry"] = Convert.ToBase64String(entry),
            ["treeSize"] = checkpoint.Size,
            ["hashes"] = new JsonArray([.. ledger.Tree.InclusionProof(index, checkpoint.Size).Select(h => (JsonNode)JsonValue.Create(Convert.ToBase64String(h)))]),
            ["checkpoint"] = checkpoint.Note,
        };
        if (check.Visibility != "public")
        {
            await using var c = await store.Database.OpenAsync(cancellationToken);
            if (await store.ReadSealedAsync(c, null, index) is { } sealedRow)
            {
                log["sealedBody"] = new JsonObject { ["body"] = JsonNode.Parse(sealedRow.Body), ["salt"] = Convert.ToBase64String(sealedRow.Salt) };
            }
        }

        return (StatusCodes.Status200OK, null, new JsonObject
        {
            ["mediaType"] = ReleaseAttestation.BundleMediaType,
            ["dsseEnvelope"] = JsonSerializer.SerializeToNode(envelope),
            ["verifierKey"] = signer.Verifier.VerifierKey,
            ["logEntry"] = log,
        });
    }

    private async Task<SignedCheckpoint?> CoveringAsync(long index, CancellationToken cancellationToken)
    {
        // Counted in polls, not read from the clock: the signer's pace is real time even when the clock is a test's.
        for (var poll = 0; poll <= CheckpointWait / PollInterval; poll++)
        {
            if (checkpoints.Latest is { } latest && latest.Size > index)
            {
                return latest;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return null;
    }
}
