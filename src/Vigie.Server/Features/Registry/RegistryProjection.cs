using Dapper;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Registry;

/// <summary>
/// The registry tables, derived from registry entries. It refuses entries that would break the
/// registry's rules (duplicates, unknown systems or versions, a public fact about a non-public
/// system, an alias moved from under someone), inside the append transaction, so concurrent
/// requests cannot slip past each other.
/// </summary>
public sealed class RegistryProjection : IProjection
{
    public IReadOnlyCollection<string> Kinds => RegistryEntries.All;

    public bool MayRefuse => true;

    public IReadOnlyList<string> Tables { get; } =
        ["alias_moves", "training_runs", "version_status_changes", "system_versions", "systems"];

    public async ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken)
    {
        if (record.Body is not { } body)
        {
            return null; // an erased body leaves nothing to project
        }

        await tx.FlushAsync();
        var e = record.Envelope;
        var row = new Facts(tx, VisibilityNames.Of(e.Visibility), LedgerTime.Format(e.Time), e.Actor ?? "", record.Index);
        return e.Kind switch
        {
            RegistryEntries.SystemRegistered => await row.SystemAsync(BodyJson.Read<RegistryEntries.SystemBody>(body)),
            RegistryEntries.VersionRegistered => await row.VersionAsync(BodyJson.Read<RegistryEntries.VersionBody>(body)),
            RegistryEntries.VersionStatusChanged => await row.StatusAsync(BodyJson.Read<RegistryEntries.StatusBody>(body)),
            RegistryEntries.TrainingRunRecorded => await row.TrainingRunAsync(BodyJson.Read<RegistryEntries.TrainingRunBody>(body)),
            RegistryEntries.AliasMoved => await row.AliasAsync(BodyJson.Read<RegistryEntries.AliasBody>(body)),
            _ => null,
        };
    }

    /// <summary>One entry's common columns, and the rule checks and inserts per kind.</summary>
    private sealed record Facts(LedgerTransaction Tx, string Visibility, string At, string By, long Index)
    {
        public async Task<string?> SystemAsync(RegistryEntries.SystemBody s)
        {
            var inserted = await Tx.Connection.ExecuteAsync(
                """
                INSERT INTO systems (name, owner, purpose, description, visibility, created_at, created_by, log_index)
                VALUES (@Name, @Owner, @Purpose, @Description, @Visibility, @At, @By, @Index) ON CONFLICT (name) DO NOTHING
                """,
                new { s.Name, s.Owner, s.Purpose, s.Description, Visibility, At, By, Index }, Tx.Transaction);
            return inserted == 0 ? $"A system named '{s.Name}' is already registered." : null;
        }

        public async Task<string?> VersionAsync(RegistryEntries.VersionBody v)
        {
            if (await SystemVisibilityAsync(v.System) is not { } systemVisibility)
            {
                return $"There is no system named '{v.System}'; register it first.";
            }

            if (Discloses(systemVisibility))
            {
                return $"A public version of the {systemVisibility} system '{v.System}' would reveal that system in the public log; make the system public first or keep the version {systemVisibility}.";
            }

            if (v.BaseVersion is not null && RegistryNames.TryParseSubject(v.BaseVersion, out var baseSystem, out var baseVersion) &&
                await VersionVisibilityAsync(baseSystem, baseVersion) is null)
            {
                return $"The base version '{v.BaseVersion}' is not registered.";
            }

            var inserted = await Tx.Connection.ExecuteAsync(
                """
                INSERT INTO system_versions (system, version, kind, status, base_version, base_model, weights_sha256, description, visibility, created_at, created_by, log_index)
                VALUES (@System, @Version, @Kind, @Status, @BaseVersion, @BaseModel, @WeightsSha256, @Description, @Visibility, @At, @By, @Index)
                ON CONFLICT (system, version) DO NOTHING
                """,
                new { v.System, v.Version, v.Kind, v.Status, v.BaseVersion, v.BaseModel, v.WeightsSha256, v.Description, Visibility, At, By, Index },
                Tx.Transaction);
            return inserted == 0 ? $"Version '{v.Version}' of '{v.System}' is already registered." : null;
        }

        public async Task<string?> StatusAsync(RegistryEntries.StatusBody s)
        {
            if (await CheckVersionAsync(s.System, s.Version) is { } problem)
            {
                return problem;
            }

            await Tx.Connection.ExecuteAsync(
                "UPDATE system_versions SET status = @Status WHERE system = @System AND version = @Version", s, Tx.Transaction);
            await Tx.InsertAsync(
                "INSERT INTO version_status_changes (log_index, system, version, status, reason, visibility, changed_at, changed_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)",
                Index, s.System, s.Version, s.Status, s.Reason, Visibility, At, By);
            return null;
        }

        public async Task<string?> TrainingRunAsync(RegistryEntries.TrainingRunBody r)
        {
            if (await CheckVersionAsync(r.System, r.Version) is { } problem)
            {
                return problem;
            }

            var inserted = await Tx.Connection.ExecuteAsync(
                """
                INSERT INTO training_runs (system, version, run, started_on, ended_on, hardware, accelerator_hours, compute_flop, tokens, notes, visibility, recorded_at, recorded_by, log_index)
                VALUES (@System, @Version, @Run, @StartedOn, @EndedOn, @Hardware, @AcceleratorHours, @ComputeFlop, @Tokens, @Notes, @Visibility, @At, @By, @Index)
                ON CONFLICT (system, version, run) DO NOTHING
                """,
                new { r.System, r.Version, r.Run, r.StartedOn, r.EndedOn, r.Hardware, r.AcceleratorHours, r.ComputeFlop, r.Tokens, r.Notes, Visibility, At, By, Index },
                Tx.Transaction);
            return inserted == 0 ? $"Training run '{r.Run}' of {r.System}@{r.Version} is already recorded." : null;
        }

        public async Task<string?> AliasAsync(RegistryEntries.AliasBody a)
        {
            if (await CheckVersionAsync(a.System, a.Version) is { } problem)
            {
                return problem;
            }

            var current = await Tx.Connection.QuerySingleOrDefaultAsync<string?>(
                "SELECT version FROM alias_moves WHERE system = @System AND alias = @Alias ORDER BY log_index DESC LIMIT 1",
                a, Tx.Transaction);
            if (current != a.PreviousVersion)
            {
                return $"Alias '{a.Alias}' of '{a.System}' points at {(current is null ? "nothing" : $"'{current}'")} now, not {(a.PreviousVersion is null ? "nothing" : $"'{a.PreviousVersion}'")}; someone moved it meanwhile. Look again and retry.";
            }

            await Tx.InsertAsync(
                "INSERT INTO alias_moves (log_index, system, alias, version, previous_version, decision, decision_type, visibility, moved_at, moved_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)",
                Index, a.System, a.Alias, a.Version, a.PreviousVersion, a.Decision, a.DecisionType, Visibility, At, By);
            return null;
        }

        /// <summary>A fact about a version must not be more public than the version (or its system) itself.</summary>
        private async Task<string?> CheckVersionAsync(string system, string version)
        {
            if (await VersionVisibilityAsync(system, version) is not { } versionVisibility)
            {
                return $"Version '{version}' of '{system}' is not registered.";
            }

            return Discloses(versionVisibility)
                ? $"A public entry about the {versionVisibility} version {system}@{version} would reveal it in the public log; keep it {versionVisibility}."
                : null;
        }

        private bool Discloses(string parentVisibility) => Visibility == "public" && parentVisibility != "public";

        private Task<string?> SystemVisibilityAsync(string system) =>
            Tx.Connection.QuerySingleOrDefaultAsync<string?>(
                "SELECT visibility FROM systems WHERE name = @system", new { system }, Tx.Transaction);

        private Task<string?> VersionVisibilityAsync(string system, string version) =>
            Tx.Connection.QuerySingleOrDefaultAsync<string?>(
                "SELECT visibility FROM system_versions WHERE system = @system AND version = @version", new { system, version }, Tx.Transaction);
    }
}
