using Dapper;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// Applies a public <c>incident.expired/v1</c> entry: deletes the sealed bodies (salt and body
/// rows) it lists and the incident's rows derived from them, in the same transaction as the
/// entry, and keeps the expiry itself. Log entries are never touched, so the log still verifies
/// (DESIGN.md: "Deleting a body (retention, erasure) leaves the log verifiable").
/// </summary>
/// <remarks>
/// An expiry must list exactly the bodies that are erased: a record expiry every change of the
/// record (opened, updated, resolved, reopened), a documentation expiry submissions of that
/// incident. An entry appended between the retention check and its expiry would otherwise keep
/// a body the expiry claims to have erased; such an expiry is refused and the next check retries.
/// On a rebuild the bodies are already gone, so the listed entries projected nothing and the
/// expiry only records itself.
/// </remarks>
internal static class IncidentExpiryProjection
{
    public const string Record = "record";
    public const string Documentation = "documentation";

    public static async Task<string?> ApplyAsync(LedgerTransaction tx, long index, IncidentEntries.ExpiredBody body)
    {
        if (!IncidentIds.TryParse(body.Incident, out var incident))
        {
            return $"'{body.Incident}' is not an incident id.";
        }

        var c = tx.Connection;
        string In(string column, string parameter) => IncidentSql.In(tx.Provider, column, parameter);
        var erased = body.Erased.Distinct().Order().ToArray();
        var kinds = body.Part switch
        {
            Record => IncidentEntries.RecordKinds.ToArray(),
            Documentation => new[] { IncidentEntries.Submitted },
            _ => null,
        };
        if (kinds is null || erased.Length == 0 || erased.Length != body.Erased.Count)
        {
            return $"An incident expiry erases a non-empty list of distinct entries of part '{Record}' or '{Documentation}'.";
        }

        // Only entries of this part's kinds, and only this incident's: an expiry can erase nothing else.
        var ofKinds = await c.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM log_entries WHERE {In("idx", "erased")} AND {In("kind", "kinds")}", new { erased, kinds }, tx.Transaction);
        if (ofKinds != erased.Length)
        {
            return $"The expiry of {body.Incident} lists entries that are not incident {body.Part} entries.";
        }

        var projected = body.Part == Record
            ? (await c.QueryAsync<long>("SELECT log_index FROM incident_events WHERE incident = @incident", new { incident }, tx.Transaction)).ToList()
            : (await c.QueryAsync<long>(
                $"SELECT log_index FROM incident_submissions WHERE incident = @incident AND {In("log_index", "erased")}", new { incident, erased }, tx.Transaction)).ToList();
        var stillSealed = await c.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM log_sealed_bodies WHERE {In("idx", "erased")}", new { erased }, tx.Transaction);
        if (body.Part == Record && projected.Count > 0 && !projected.Order().SequenceEqual(erased))
        {
            return $"The record of {body.Incident} changed since its expiry was prepared; the next retention check expires it again.";
        }

        if (projected.Count < erased.Length && stillSealed > projected.Count)
        {
            return $"The expiry of {body.Incident} lists entries whose bodies are not this incident's {body.Part}.";
        }

        if (body.Part == Record && projected.Count == 0 && await c.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM incident_expiries WHERE incident = @incident AND part = @part", new { incident, part = Record }, tx.Transaction) > 0)
        {
            return $"The record of {body.Incident} has already expired.";
        }

        await c.ExecuteAsync($"DELETE FROM log_sealed_bodies WHERE {In("idx", "erased")}", new { erased }, tx.Transaction);
        if (body.Part == Record)
        {
            await c.ExecuteAsync("DELETE FROM incident_events WHERE incident = @incident", new { incident }, tx.Transaction);
            await c.ExecuteAsync("DELETE FROM incidents WHERE log_index = @incident", new { incident }, tx.Transaction);
        }
        else
        {
            await c.ExecuteAsync($"DELETE FROM incident_submissions WHERE {In("log_index", "erased")}", new { erased }, tx.Transaction);
        }

        await c.ExecuteAsync(
            "INSERT INTO incident_expiries (log_index, incident, part, expired_on, erased, rule) VALUES (@index, @incident, @part, @expiredOn, @erased, @rule)",
            new { index, incident, part = body.Part, expiredOn = body.ExpiredOn, erased = string.Join(',', erased), rule = body.Rule },
            tx.Transaction);
        return null;
    }
}
