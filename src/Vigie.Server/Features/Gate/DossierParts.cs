using System.Text.Json.Nodes;
using Vigie.Core.Formats.ModelCards;
using Vigie.Core.Governance;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Cards;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// The gate's own parts of the release dossier, written field by field as docs/dossier.md
/// describes them: an optional value the feature does not hold is left out, never defaulted.
/// </summary>
internal static class DossierParts
{
    public static JsonObject System(RegistryQueries.SystemRow system)
    {
        var json = new JsonObject { ["name"] = system.Name };
        if (!string.IsNullOrEmpty(system.Owner))
        {
            json["owner"] = system.Owner;
        }

        json["visibility"] = system.Visibility;
        return json;
    }

    public static JsonObject Version(RegistryQueries.VersionRow version, string evidenceDigest)
    {
        var json = new JsonObject
        {
            ["name"] = version.Version,
            ["ref"] = RegistryNames.Subject(version.System, version.Version),
            ["kind"] = version.Kind,
            ["status"] = version.Status,
        };
        if (version.BaseVersion is not null)
        {
            json["baseVersion"] = version.BaseVersion;
        }

        if (version.WeightsSha256 is not null)
        {
            json["weightsSha256"] = version.WeightsSha256;
        }

        json["visibility"] = version.Visibility;
        json["evidenceDigest"] = evidenceDigest;
        return json;
    }

    /// <summary>The card as the cards feature stores it, and its check against every shipped profile.</summary>
    public static JsonObject Card(CardQueries.RevisionRow row)
    {
        var card = row.Card();
        var profiles = new JsonObject();
        foreach (var profile in CardProfiles.All)
        {
            var check = profile.Check(card);
            profiles[profile.Id] = new JsonObject
            {
                ["complete"] = check.Complete,
                ["missing"] = new JsonArray([.. check.Missing.Select(m => (JsonNode)JsonValue.Create(m.Path))]),
            };
        }

        return new JsonObject { ["sha256"] = row.CardSha256, ["fields"] = card.ToJsonObject(), ["profiles"] = profiles };
    }

    /// <summary>
    /// One decision about the version. It is stale when the evidence it rests on is no longer the
    /// version's current evidence; its sign-offs count only while counting (not stale, not withdrawn).
    /// </summary>
    public static JsonObject Decision(DecisionQueries.DecisionSummary summary, DecisionState state, string evidenceDigest)
    {
        var json = new JsonObject
        {
            ["id"] = summary.Id,
            ["type"] = state.Type,
            ["status"] = DecisionStateJson.Name(state.Status),
            ["openedAt"] = LedgerTime.Format(state.OpenedAt),
        };
        if (state.ClosedAt is { } closed)
        {
            if (state.Status is DecisionStatus.Approved or DecisionStatus.Reversed)
            {
                json["approvedAt"] = LedgerTime.Format(closed);
            }

            json["closedAt"] = LedgerTime.Format(closed);
        }

        json["snapshotDigest"] = state.SnapshotDigest;
        json["stale"] = state.SnapshotDigest != evidenceDigest;
        json["signOffs"] = state.SignOffs.Count(s => s.Counts);
        json["staleSignOffs"] = state.SignOffs.Count(s => s.Status == SignOffStatus.Stale);
        json["dissents"] = state.Dissents.Count;
        return json;
    }

    /// <summary>
    /// Training compute; each field absent when no run recorded it. <c>effectiveCompute</c> is the
    /// compute the version embodies — its training with its lineage, the same measure an evaluation
    /// records by default (ADR 0011) — so a rule can compare the two, as the Preparedness
    /// Framework's "evaluate at every 2x effective compute" does. Vigie records no separate
    /// algorithmic-efficiency figure, so raw compute stands for effective compute.
    /// </summary>
    public static JsonObject Compute(double? own, double? withLineage)
    {
        var json = new JsonObject();
        if (own is { } o)
        {
            json["trainingFlop"] = o;
        }

        if (withLineage is { } total)
        {
            json["totalFlopWithLineage"] = total;
            json["effectiveCompute"] = total;
        }

        return json;
    }

    public static JsonObject Waiver(WaiverQueries.WaiverRow w) => new()
    {
        ["ruleId"] = w.RuleId,
        ["system"] = w.System,
        ["version"] = w.Version,
        ["action"] = w.Action,
        ["decisionId"] = w.Decision,
        ["reason"] = w.Reason,
        ["expiresAt"] = w.ExpiresAt,
    };
}
