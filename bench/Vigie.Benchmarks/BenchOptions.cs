using System.Globalization;

namespace Vigie.Benchmarks;

/// <summary>The "--name value" options of a load scenario, with the defaults the targets use.</summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values;

    private BenchOptions(Dictionary<string, string> values) => _values = values;

    public string Store => Get("store", "sqlite");

    public string? Postgres => _values.GetValueOrDefault("postgres");

    /// <summary>"evidence" (evidence.recorded/v1, projected) or "plain" (a kind nothing projects).</summary>
    public string Kind => Get("kind", "evidence");

    /// <summary>"internal" (the evidence API's default: sealed body, commitment in the log) or "public".</summary>
    public string Visibility => Get("visibility", "internal");

    public int Writers => GetInt("writers", 256);

    public int Entries(int fallback) => GetInt("entries", fallback);

    /// <summary>Entries per transaction in the splits scenario (the mean batch group commit reached).</summary>
    public int Batch => GetInt("batch", 256);

    public int Warmup(int fallback) => GetInt("warmup", fallback);

    /// <summary>Stop issuing appends after this long, so a slow store cannot run for tens of minutes.</summary>
    public TimeSpan MaxTime => TimeSpan.FromSeconds(GetInt("max-seconds", 120));

    /// <summary>Run the checkpoint signer as the server does ("on"), or leave it out ("off") to isolate the writer.</summary>
    public bool Checkpoints => Get("checkpoints", "on") == "on";

    /// <summary>Where the fresh data directory is made; a temp folder on the root disk unless given.</summary>
    public string? DataRoot => _values.GetValueOrDefault("data-root");

    /// <summary>verify: serve the seeded log this long before running the CLI (for profiling by hand).</summary>
    public int ServeSeconds => GetInt("serve-seconds", 0);

    /// <summary>verify: how many times to run the CLI against the one server (run 1 meets it just started, later runs warm).</summary>
    public int Runs => GetInt("runs", 1);

    /// <summary>verify: keep the seeded log in this directory and reuse it when it already holds one.</summary>
    public string? Seeded => _values.GetValueOrDefault("seeded");

    /// <summary>The built vigie CLI (vigie.dll) the verify scenario runs.</summary>
    public string Cli => Get("cli", "src/Vigie.Cli/bin/Release/net10.0/vigie.dll");

    public int GetIntOption(string name, int fallback) => GetInt(name, fallback);

    public static BenchOptions Parse(ReadOnlySpan<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value', got '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        return new BenchOptions(values);
    }

    /// <summary>Any "--name value" option, for scenarios with options of their own.</summary>
    public string Get(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int GetInt(string name, int fallback) =>
        _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
