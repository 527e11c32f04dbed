using Dapper;
using Vigie.Core.Policies;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// How policies are read, by this feature and others: the policy in force, every version made
/// active, and the proposals of policy-change decisions. Policies are public (how releases are
/// judged is no secret); a proposal is as visible as its decision.
/// </summary>
public sealed class PolicyQueries(Database database)
{
    public sealed record PolicyRow(
        long LogIndex, string Name, long Version, string Sha256, string Title, string Text, string Decision, long Restores,
        string? PreviousVersion, string? PreviousSha256, string Changes, string Diff, long DiffTruncated, string ActivatedAt, string ActivatedBy)
    {
        public string PolicyVersion => $"{Name}@{Version}";

        public Policy Policy => PolicyCache.Get(Sha256, Text);
    }

    public sealed record ProposalRow(
        string Decision, long LogIndex, string Name, long Version, string Sha256, string Text, string? BasedOn, string Status,
        string Visibility, string Title, string OpenedAt, string OpenedBy)
    {
        public string PolicyVersion => $"{Name}@{Version}";
    }

    private const string PolicyColumns =
        "log_index AS LogIndex, name AS Name, version AS Version, sha256 AS Sha256, title AS Title, text AS Text, decision AS Decision, " +
        "restores AS Restores, previous_version AS PreviousVersion, previous_sha256 AS PreviousSha256, changes AS Changes, diff AS Diff, " +
        "diff_truncated AS DiffTruncated, activated_at AS ActivatedAt, activated_by AS ActivatedBy";

    private const string ProposalColumns =
        "decision AS Decision, log_index AS LogIndex, name AS Name, version AS Version, sha256 AS Sha256, text AS Text, based_on AS BasedOn, " +
        "status AS Status, visibility AS Visibility, title AS Title, opened_at AS OpenedAt, opened_by AS OpenedBy";

    /// <summary>The policy in force (the latest made active), or null before the first.</summary>
    public async Task<PolicyRow?> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QueryFirstOrDefaultAsync<PolicyRow>(new CommandDefinition(
            $"SELECT {PolicyColumns} FROM policies ORDER BY log_index DESC LIMIT 1", cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The loaded policy in force, or null: what every gate check runs. Only the digest is read
    /// when the policy is already loaded in this process, not its text.
    /// </summary>
    public async Task<Policy?> ActivePolicyAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var head = await c.QueryFirstOrDefaultAsync<(long LogIndex, string Sha256)>(new CommandDefinition(
            "SELECT log_index, sha256 FROM policies ORDER BY log_index DESC LIMIT 1", cancellationToken: cancellationToken));
        if (head.Sha256 is null)
        {
            return null;
        }

        if (PolicyCache.TryGet(head.Sha256) is { } cached)
        {
            return cached;
        }

        var text = await c.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT text FROM policies WHERE log_index = @index", new { index = head.LogIndex }, cancellationToken: cancellationToken));
        return PolicyCache.Get(head.Sha256, text);
    }

    /// <summary>Every policy made active, newest first.</summary>
    public async Task<IReadOnlyList<PolicyRow>> HistoryAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<PolicyRow>(new CommandDefinition(
            $"SELECT {PolicyColumns} FROM policies ORDER BY log_index DESC", cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The policy made active by log entry <paramref name="index"/>.</summary>
    public async Task<PolicyRow?> GetAsync(long index, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<PolicyRow>(new CommandDefinition(
            $"SELECT {PolicyColumns} FROM policies WHERE log_index = @index", new { index }, cancellationToken: cancellationToken));
    }

    public async Task<ProposalRow?> ProposalAsync(string decision, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<ProposalRow>(new CommandDefinition(
            $"SELECT {ProposalColumns} FROM policy_proposals WHERE decision = @decision AND {Seen(includeInternal)}",
            new { decision }, cancellationToken: cancellationToken));
    }

    /// <summary>Proposals, newest first; only open ones when <paramref name="openOnly"/>.</summary>
    public async Task<IReadOnlyList<ProposalRow>> ProposalsAsync(bool includeInternal, bool openOnly, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<ProposalRow>(new CommandDefinition(
            $"SELECT {ProposalColumns} FROM policy_proposals WHERE {Seen(includeInternal)} AND (@openOnly = 0 OR status = 'open') ORDER BY log_index DESC",
            new { openOnly = openOnly ? 1 : 0 }, cancellationToken: cancellationToken))).AsList();
    }

    private static string Seen(bool includeInternal) => includeInternal ? "visibility IN ('public', 'internal')" : "visibility = 'public'";
}
