using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Server.Hosting;
using Vigie.Server.Ledger;

namespace Vigie.Benchmarks;

/// <summary>
/// Issue 8: the public portal's pages with a large log. The real server (Kestrel on loopback,
/// SQLite or PostgreSQL) holds --entries log entries: governance made through the API (a charter,
/// a system with a card, decisions with sign-offs and dissents) and bulk evidence, public and
/// internal, appended through the ledger. Each page is then requested over HTTP; the latency
/// measured by the client bounds the server time from above. The last rows are the overview right
/// after a new checkpoint and half a second after one (the portal rebuilds what it shows once per
/// published checkpoint, in the background once it has been read).
/// </summary>
internal static class PortalScenario
{
    private static readonly string[] Pages =
        ["/", "/decisions", "/decisions/{decision}", "/systems/atlas", "/documents", "/statistics", "/withheld", "/verify", "/entries/{entry}", "/feed.atom"];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var entries = options.Entries(100_000);
        var decisions = options.GetInt("decisions", 200);
        var requests = options.GetInt("requests", 200);
        var loadBefore = MachineLoad.Read();
        var dataDirectory = Directory.CreateTempSubdirectory("vigie-bench-portal-").FullName;
        PostgresScratch? postgres = null;
        var args = new List<string> { "--data-dir", dataDirectory, "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Vigie:PrintInitialAdminToken=false" };
        if (options.Store == "postgres")
        {
            postgres = await PostgresScratch.CreateAsync(options.Postgres ?? throw new ArgumentException("--store postgres needs --postgres \"<connection string>\"."));
            args.AddRange(["--postgres", postgres.ConnectionString]);
        }

        await using var app = VigieApp.Build([.. args]);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(dataDirectory, "initial-admin-token")).Trim());
            var clock = Stopwatch.StartNew();
            var decision = await GovernanceAsync(http, decisions);
            var ledger = app.Services.GetRequiredService<Ledger>();
            await BulkAsync(ledger, entries - (int)ledger.Tree.Size);
            var filled = clock.Elapsed.TotalSeconds;
            var size = await CheckpointAsync(http, ledger.Tree.Size);
            http.DefaultRequestHeaders.Authorization = null; // the public reads anonymously

            var rows = new List<(string, object)> { ("scenario", "portal"), ("store", options.Store), ("entries", size), ("decisions", decisions), ("fillSeconds", Math.Round(filled, 1)) };
            foreach (var template in Pages)
            {
                var path = template.Replace("{decision}", decision, StringComparison.Ordinal).Replace("{entry}", (size / 2).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                for (var i = 0; i < 20; i++)
                {
                    await GetAsync(http, path);
                }

                var latencies = new List<long>(requests);
                for (var i = 0; i < requests; i++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await GetAsync(http, path);
                    latencies.Add(Stopwatch.GetTimestamp() - t0);
                }

                var s = LatencyStats.From(latencies);
                rows.Add(($"{template} p50/p95/p99 ms", $"{s.P50:0.0} / {s.P95:0.0} / {s.P99:0.0}"));
            }

            // After a new checkpoint: a new entry, a new checkpoint, then the overview at once (the
            // request may meet the rebuild under way) and, for the next ten, half a second later (the
            // background refresh has rebuilt it by then, as for a visitor arriving at any other time).
            foreach (var (label, wait) in new[] { ("/ at once after a new checkpoint", TimeSpan.Zero), ("/ 0.5 s after a new checkpoint", TimeSpan.FromMilliseconds(500)) })
            {
                var cold = new List<long>();
                for (var i = 0; i < 10; i++)
                {
                    await ledger.AppendAsync(EntryFactory.From(options).Create(entries + cold.Count + (wait == TimeSpan.Zero ? 0 : 10)));
                    await CheckpointAsync(http, ledger.Tree.Size);
                    await Task.Delay(wait);
                    var t0 = Stopwatch.GetTimestamp();
                    await GetAsync(http, "/");
                    cold.Add(Stopwatch.GetTimestamp() - t0);
                }

                var c = LatencyStats.From(cold);
                rows.Add(($"{label} p50/max ms", $"{c.P50:0.0} / {c.Max:0.0}"));
            }

            rows.AddRange([("loadBefore", loadBefore), ("loadAfter", MachineLoad.Read()), ("at", MachineLoad.Now())]);
            Report.Print($"portal: {requests} sequential requests per page, {options.Store}", rows);
            return 0;
        }
        finally
        {
            await app.StopAsync();
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }

            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<string> GovernanceAsync(HttpClient admin, int decisions)
    {
        var charter = File.ReadAllText(Path.Combine(RepositoryRoot(), "presets", "charters", "preparedness-style.yaml"));
        await PostAsync(admin, "/api/v1/charters", new { yaml = charter });
        var people = new Dictionary<string, HttpClient>();
        foreach (var (name, role) in new[] { ("olga", "member"), ("ada", "advisory-group"), ("bea", "advisory-group"), ("max", "member") })
        {
            var token = (await PostAsync(admin, "/api/v1/users", new { name, roles = new[] { role } })).GetProperty("token").GetString()!;
            people[name] = new HttpClient { BaseAddress = admin.BaseAddress };
            people[name].DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        await PostAsync(admin, "/api/v1/systems", new { name = "atlas", owner = "Research", purpose = "General assistant", visibility = "public" });
        await PostAsync(admin, "/api/v1/systems/atlas/versions", new { version = "1.0", visibility = "public" });
        var card = await admin.PutAsync("/api/v1/systems/atlas/versions/1.0/card",
            JsonContent.Create(JsonSerializer.Deserialize<JsonElement>("""{"card":{"model":{"name":"Atlas"},"training":{"computeFlop":3.8e25}},"baseRevision":0}""")));
        card.EnsureSuccessStatusCode();
        var last = "";
        for (var i = 0; i < decisions; i++)
        {
            last = (await PostAsync(people["olga"], "/api/v1/decisions", new { type = "deploy-external", system = "atlas", version = "1.0", title = $"Ship atlas 1.0 ({i})" })).GetProperty("id").GetString()!;
            var digest = JsonDocument.Parse(await people["ada"].GetStringAsync($"/api/v1/decisions/{last}")).RootElement.GetProperty("snapshot").GetProperty("digest").GetString();
            await PostAsync(people["ada"], $"/api/v1/decisions/{last}/sign-offs", new { verdict = "approve", snapshotDigest = digest, justification = "Below the High threshold." });
            await PostAsync(people["max"], $"/api/v1/decisions/{last}/dissent", new { statement = $"Dissent {i}: the agentic setting was not evaluated." });
        }

        foreach (var client in people.Values)
        {
            client.Dispose();
        }

        return last;
    }

    private static async Task BulkAsync(Ledger ledger, int count)
    {
        // A third public, the rest internal: the withheld page has plenty to list.
        var pending = new List<Task<AppendResult>>(1024);
        for (var n = 0; n < count; n++)
        {
            var visibility = n % 3 == 0 ? Core.Ledger.Visibility.Public : Core.Ledger.Visibility.Internal;
            var body = JsonSerializer.SerializeToElement(new { sha256 = n.ToString("x64", System.Globalization.CultureInfo.InvariantCulture), name = $"artifact-{n}.bin" });
            pending.Add(ledger.AppendAsync(new LedgerWrite(Vigie.Server.Features.Evidence.EvidenceEntries.Recorded, "admin", visibility, body)));
            if (pending.Count == 1024)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }

    private static async Task<long> CheckpointAsync(HttpClient http, long size)
    {
        for (var i = 0; i < 600; i++)
        {
            var current = JsonDocument.Parse(await http.GetStringAsync("/api/v1/log/checkpoint")).RootElement.GetProperty("size").GetInt64();
            if (current >= size)
            {
                return current;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No checkpoint covered {size} entries.");
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement : throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Run the benchmark from inside the repository (presets/charters is read).");
    }
}
