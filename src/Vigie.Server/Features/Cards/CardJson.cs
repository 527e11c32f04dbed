using System.Text.Json.Nodes;

namespace Vigie.Server.Features.Cards;

/// <summary>How revisions look in API responses.</summary>
public static class CardJson
{
    /// <summary>A revision (or, with <paramref name="row"/> null, the empty card of a version that has none yet: revision 0).</summary>
    public static JsonObject Revision(string system, string version, CardQueries.RevisionRow? row, bool withCard = true, bool withDiff = false)
    {
        var json = new JsonObject { ["system"] = system, ["version"] = version, ["revision"] = row?.Revision ?? 0 };
        if (row is not null)
        {
            json["material"] = row.IsMaterial;
            json["visibility"] = row.Visibility;
            json["cardSha256"] = row.CardSha256;
            json["note"] = row.Note;
            json["logIndex"] = row.LogIndex;
            json["revisedAt"] = row.RevisedAt;
            json["revisedBy"] = row.RevisedBy;
            if (row.SourceJson is not null)
            {
                json["source"] = JsonNode.Parse(row.SourceJson);
            }
        }

        if (withDiff)
        {
            json["diff"] = Diff(row?.DiffJson);
            json["diffValuesOmitted"] = row?.DiffValuesOmitted == 1;
        }

        if (withCard)
        {
            // Stored canonical (keys sorted); shown in the card's own field order.
            json["card"] = row is null ? new JsonObject() : row.Card().ToJsonObject();
        }

        return json;
    }

    /// <summary>The stored (canonical) diff with each change's keys in reading order: path, op, old, new.</summary>
    public static JsonArray Diff(string? diffJson)
    {
        var changes = new JsonArray();
        foreach (var change in (diffJson is null ? [] : JsonNode.Parse(diffJson)!.AsArray()).OfType<JsonObject>())
        {
            var ordered = new JsonObject();
            foreach (var key in new[] { "path", "op", "old", "new" })
            {
                if (change[key] is { } value)
                {
                    ordered[key] = value.DeepClone();
                }
            }

            changes.Add(ordered);
        }

        return changes;
    }

    /// <summary>The ETag of a revision, as If-Match takes it back.</summary>
    public static string ETag(long revision) => $"\"r{revision}\"";
}
