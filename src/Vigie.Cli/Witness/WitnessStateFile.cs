using System.Text.Json;
using System.Text.Json.Serialization;
using Vigie.Core.Ledger;
using Vigie.Core.Witnesses;

namespace Vigie.Cli.Witness;

/// <summary>
/// The witness's memory: the latest checkpoint it cosigned per log, in one JSON file replaced
/// atomically (written beside it, flushed to disk, then renamed over it), so a crash leaves
/// either the old state or the new one, never half of each. C2SP tlog-witness: "The witness MUST
/// persist the new checkpoint before responding."
/// </summary>
internal sealed class WitnessStateFile
{
    private readonly string path;
    private readonly Dictionary<string, WitnessedLog> logs;

    private WitnessStateFile(string path, Dictionary<string, WitnessedLog> logs)
    {
        this.path = path;
        this.logs = logs;
    }

    public IReadOnlyCollection<WitnessedLog> Logs => logs.Values;

    public static WitnessStateFile Load(string path)
    {
        if (!File.Exists(path))
        {
            return new WitnessStateFile(path, []);
        }

        try
        {
            var stored = JsonSerializer.Deserialize<StoredState>(File.ReadAllBytes(path)) ?? new StoredState([]);
            var logs = new Dictionary<string, WitnessedLog>(StringComparer.Ordinal);
            foreach (var (origin, log) in stored.Logs)
            {
                logs[origin] = new WitnessedLog(origin, log.Size, Convert.FromBase64String(log.RootHash), log.Note);
            }

            return new WitnessStateFile(path, logs);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new CliFailure(ExitCodes.Failed,
                $"The witness state {path} is damaged ({e.Message}). It is the witness's memory of each log: restore it from a backup rather than starting over.");
        }
    }

    public WitnessedLog? Get(string origin) => logs.GetValueOrDefault(origin);

    /// <summary>Records a newly cosigned checkpoint and persists the whole state before returning.</summary>
    public void Save(WitnessedLog log, DateTimeOffset time)
    {
        var next = new Dictionary<string, WitnessedLog>(logs, StringComparer.Ordinal) { [log.Origin] = log };
        var stored = new StoredState(next.ToDictionary(
            kv => kv.Key,
            kv => new StoredLog(kv.Value.Size, Convert.ToBase64String(kv.Value.RootHash), kv.Value.Note,
                kv.Key == log.Origin ? LedgerTime.Format(time) : null)));
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, stored, Indented);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        logs[log.Origin] = log;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private sealed record StoredState([property: JsonPropertyName("logs")] Dictionary<string, StoredLog> Logs);

    private sealed record StoredLog(
        [property: JsonPropertyName("size")] long Size,
        [property: JsonPropertyName("rootHash")] string RootHash,
        [property: JsonPropertyName("note")] string Note,
        [property: JsonPropertyName("cosignedAt")] string? CosignedAt);
}
