namespace Vigie.Server.Hosting;

/// <summary>
/// Settings, bound from the "Vigie" configuration section (environment: Vigie__DataDirectory,
/// Vigie__Storage__Postgres, Vigie__Log__Origin, ...).
/// </summary>
public sealed class VigieOptions
{
    public string DataDirectory { get; set; } = "vigie-data";

    public StorageOptions Storage { get; set; } = new();

    public LogOptions Log { get; set; } = new();

    /// <summary>
    /// Whether the first start prints the admin token to the console as well as writing it to
    /// &lt;data&gt;/initial-admin-token. Turn off where console output is collected into logs.
    /// </summary>
    public bool PrintInitialAdminToken { get; set; } = true;

    public sealed class StorageOptions
    {
        /// <summary>A PostgreSQL connection string; when set, PostgreSQL replaces the embedded SQLite store.</summary>
        public string? Postgres { get; set; }
    }

    public sealed class LogOptions
    {
        /// <summary>The checkpoint origin line and signing key name; fixed for the life of the log.</summary>
        public string Origin { get; set; } = "vigie.local/log";

        /// <summary>Where the log's Ed25519 signer key is kept; defaults to &lt;data&gt;/log-signer.key.</summary>
        public string? SignerKeyFile { get; set; }

        /// <summary>How long the signer waits after new entries before signing, gathering bursts into one checkpoint.</summary>
        public int CheckpointDelayMilliseconds { get; set; } = 100;
    }
}
