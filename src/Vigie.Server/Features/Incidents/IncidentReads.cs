using Microsoft.Extensions.Options;
using Vigie.Core.Concerns;
using Vigie.Server.Features.Users;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// Incidents as people read them: each with its applicable regimes, its submissions and its
/// deadlines judged at the injected clock's "now". Used by the API, the CLI's views and the pages.
/// </summary>
public sealed class IncidentReads(IncidentQueries queries, ImpliedRegimes implied, IOptions<IncidentOptions> options, TimeProvider time)
{
    /// <summary>One incident with everything its clocks need.</summary>
    public sealed record Loaded(
        IncidentQueries.IncidentRow Row, IncidentRecord Record, IReadOnlyList<ApplicableRegime> Regimes,
        IReadOnlyList<IncidentQueries.SubmissionRow> Submissions, IReadOnlyList<IncidentDeadline> Deadlines)
    {
        /// <summary>The soonest deadline still to meet (due or overdue), if any.</summary>
        public IncidentDeadline? Next => Deadlines.FirstOrDefault(d => d.IsPending);

        public int Overdue => Deadlines.Count(d => d.Status == DeadlineStatus.Overdue);
    }

    public ClockZone Zone => options.Value.Zone;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The incidents <paramref name="user"/> may read, newest first, loaded.</summary>
    public async Task<IReadOnlyList<Loaded>> VisibleAsync(CurrentUser user, string? status, string? system, int limit, CancellationToken cancellationToken)
    {
        var rows = (await queries.ListAsync(status, system, IncidentAccess.SeesAllConfidential(user) ? limit : limit * 4, cancellationToken))
            .Where(r => IncidentAccess.MayRead(user, r)).Take(limit).ToList();
        return await LoadAllAsync(rows, cancellationToken);
    }

    public async Task<Loaded> LoadAsync(IncidentQueries.IncidentRow row, CancellationToken cancellationToken) =>
        (await LoadAllAsync([row], cancellationToken))[0];

    /// <summary>Every deadline still to meet, across all incidents <paramref name="user"/> may read, soonest first.</summary>
    public async Task<IReadOnlyList<(Loaded Incident, IncidentDeadline Deadline)>> DueAsync(CurrentUser user, CancellationToken cancellationToken) =>
        [.. (await VisibleAsync(user, null, null, 100_000, cancellationToken))
            .SelectMany(i => i.Deadlines.Where(d => d.IsPending).Select(d => (i, d)))
            .OrderBy(x => x.d.Deadline.Cutoff).ThenBy(x => x.i.Row.LogIndex)];

    private async Task<IReadOnlyList<Loaded>> LoadAllAsync(IReadOnlyList<IncidentQueries.IncidentRow> rows, CancellationToken cancellationToken)
    {
        // Past a few hundred ids one read of every submission beats a long IN list (SQLite caps parameters).
        var ids = rows.Count > 500 ? null : rows.Select(r => r.LogIndex).ToList();
        var submissions = (await queries.SubmissionsAsync(ids, cancellationToken)).ToLookup(s => s.Incident);
        var regimes = new IncidentRegimes(implied);
        var (zone, now) = (Zone, Now);
        var loaded = new List<Loaded>(rows.Count);
        foreach (var row in rows)
        {
            var record = row.State;
            var applicable = await regimes.ForAsync(record, cancellationToken);
            var mine = submissions[row.LogIndex].ToList();
            loaded.Add(new Loaded(row, record, applicable, mine, IncidentDeadlines.For(row.Id, record, applicable, mine, zone, now)));
        }

        return loaded;
    }
}
