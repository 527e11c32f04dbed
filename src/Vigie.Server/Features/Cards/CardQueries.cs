using Dapper;
using Vigie.Core.Formats.ModelCards;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Cards;

/// <summary>How model-card revisions are read, by this feature and others, filtered to what the caller may see.</summary>
public sealed class CardQueries(Database database)
{
    public sealed record RevisionRow(
        string System, string Version, long Revision, long Material, string? Note, string CardJson, string CardSha256,
        string? DiffJson, long DiffValuesOmitted, string? SourceJson, string Visibility, long LogIndex, string RevisedAt, string RevisedBy)
    {
        public bool IsMaterial => Material != 0;

        /// <summary>The stored card; it was valid when written, so failing to read it back is a bug.</summary>
        public ModelCard Card() =>
            ModelCard.FromJson(CardJson) is { Card: { } card } ? card : throw new InvalidDataException($"Stored card revision {System}@{Version} r{Revision} is not a valid card.");
    }

    private const string Columns =
        "system AS System, version AS Version, revision AS Revision, material AS Material, note AS Note, card_json AS CardJson, " +
        "card_sha256 AS CardSha256, diff_json AS DiffJson, diff_values_omitted AS DiffValuesOmitted, source_json AS SourceJson, " +
        "visibility AS Visibility, log_index AS LogIndex, revised_at AS RevisedAt, revised_by AS RevisedBy";

    private static string Seen(bool includeInternal) =>
        includeInternal ? "visibility IN ('public', 'internal')" : "visibility = 'public'";

    /// <summary>The newest revision the caller may see, or null when there is none.</summary>
    public Task<RevisionRow?> LatestAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken) =>
        OneAsync($"{Seen(includeInternal)} ORDER BY revision DESC LIMIT 1", system, version, null, cancellationToken);

    /// <summary>The newest material revision (editorial ones change no evidence), whatever its visibility: for evidence snapshots.</summary>
    public Task<RevisionRow?> LatestMaterialAsync(string system, string version, CancellationToken cancellationToken) =>
        OneAsync("material = 1 ORDER BY revision DESC LIMIT 1", system, version, null, cancellationToken);

    public Task<RevisionRow?> RevisionAsync(string system, string version, long revision, bool includeInternal, CancellationToken cancellationToken) =>
        OneAsync($"revision = @revision AND {Seen(includeInternal)}", system, version, revision, cancellationToken);

    /// <summary>The newest revision number whatever its visibility (0 when none): what a new revision must follow.</summary>
    public async Task<long> HeadAsync(string system, string version, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(revision) FROM card_revisions WHERE system = @system AND version = @version",
            new { system, version }, cancellationToken: cancellationToken)) ?? 0;
    }

    public async Task<IReadOnlyList<RevisionRow>> RevisionsAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<RevisionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM card_revisions WHERE system = @system AND version = @version AND {Seen(includeInternal)} ORDER BY revision",
            new { system, version }, cancellationToken: cancellationToken))).AsList();
    }

    private async Task<RevisionRow?> OneAsync(string condition, string system, string version, long? revision, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<RevisionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM card_revisions WHERE system = @system AND version = @version AND {condition}",
            new { system, version, revision }, cancellationToken: cancellationToken));
    }
}
