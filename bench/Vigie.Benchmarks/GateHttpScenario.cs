using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigie.Server.Hosting;

namespace Vigie.Benchmarks;

/// <summary>
/// Issue 4: POST /api/v1/gate/check over real HTTP. Starts the real server (VigieApp, Kestrel on
/// 127.0.0.1) on a fresh store, seeds a charter, a policy made active through its decision, and a
/// system version with a card, evidence and an approved deploy-external decision, then loads the
/// check endpoint — with wrk (--client wrk, the issue's tool) or a built-in client of N concurrent
/// connections — and reports requests/s and latency percentiles. Every check is a full gate run:
/// dossier assembly from the database, policy evaluation, and a durable gate.checked entry.
/// </summary>
internal static class GateHttpScenario
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var seconds = options.GetIntOption("seconds", 20);
        var warmupSeconds = options.GetIntOption("warmup-seconds", 5);
        var connections = options.GetIntOption("connections", 64);
        var port = options.GetIntOption("port", 5199);
        var client = options.Get("client", "wrk");
        var policyPath = options.Get("policy", "presets/policies/regulatory-baseline.yaml");
        var loadBefore = MachineLoad.Read();
        var data = Directory.CreateTempSubdirectory("vigie-bench-gate-").FullName;
        var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        string[] args = ["--urls", url, "--data-dir", data, "--Vigie:PrintInitialAdminToken=false", "--Logging:LogLevel:Default=Warning"];
        if (options.Store == "postgres")
        {
            args = [.. args, "--postgres", options.Postgres ?? throw new ArgumentException("--store postgres needs --postgres \"<connection string>\".")];
        }

        var app = VigieApp.Build(args);
        await app.StartAsync();
        try
        {
            var token = await GateSeed.RunAsync(url, data, File.ReadAllText(policyPath));
            var body = JsonSerializer.Serialize(new { system = GateSeed.System, version = GateSeed.Version, action = "deploy-external" });
            var result = client == "wrk"
                ? await WrkAsync(url, token, body, connections, seconds, warmupSeconds)
                : await BuiltInAsync(url, token, body, connections, seconds, warmupSeconds);
            Report.Print($"gate-http: POST /api/v1/gate/check, {connections} connections, {client}, {options.Store}, policy {Path.GetFileName(policyPath)}",
            [
                ("scenario", "gate-http"), ("store", options.Store), ("client", client), ("connections", connections), ("seconds", seconds),
                ("requests", result.Requests), ("errors", result.Errors), ("requestsPerSecond", result.PerSecond),
                ("p50Ms", result.P50), ("p99Ms", result.P99), ("maxMs", result.Max), ("serverCpuUsPerRequest", result.CpuUsPerRequest),
                ("cpuPressureAvg10", MachineLoad.CpuPressure()), ("loadBefore", loadBefore), ("loadAfter", MachineLoad.Read()), ("at", MachineLoad.Now()),
            ]);
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private sealed record LoadResult(long Requests, long Errors, double PerSecond, double P50, double P99, double Max)
    {
        /// <summary>Server CPU per request (this process; wrk runs apart): what the machine's load does not inflate.</summary>
        public double CpuUsPerRequest { get; init; }
    }

    /// <summary>wrk with a Lua script that POSTs the check; its --latency percentiles are parsed from its report (printed too).</summary>
    private static async Task<LoadResult> WrkAsync(string url, string token, string body, int connections, int seconds, int warmupSeconds)
    {
        var script = Path.GetTempFileName();
        await File.WriteAllTextAsync(script,
            "wrk.method = \"POST\"\n" +
            $"wrk.body = [[{body}]]\n" +
            "wrk.headers[\"Content-Type\"] = \"application/json\"\n" +
            $"wrk.headers[\"Authorization\"] = \"Bearer {token}\"\n" +
            "local errors = 0\n" +
            "response = function(status, headers, body) if status ~= 200 then errors = errors + 1 end end\n");
        try
        {
            await RunWrkAsync(script, url, connections, warmupSeconds); // JIT, pools and caches warm; not reported
            var cpu = MachineLoad.ProcessCpu();
            var output = await RunWrkAsync(script, url, connections, seconds);
            cpu = MachineLoad.ProcessCpu() - cpu;
            Console.WriteLine(output);
            var requests = long.Parse(Match(output, @"(\d+) requests in"), CultureInfo.InvariantCulture);
            var errors = output.Contains("Non-2xx or 3xx responses", StringComparison.Ordinal) ? long.Parse(Match(output, @"Non-2xx or 3xx responses: (\d+)"), CultureInfo.InvariantCulture) : 0;
            return new LoadResult(requests, errors, double.Parse(Match(output, @"Requests/sec:\s+([\d.]+)"), CultureInfo.InvariantCulture),
                Millis(Match(output, @"50%\s+(\S+)")), Millis(Match(output, @"99%\s+(\S+)")), Millis(Match(output, @"Latency\s+\S+\s+\S+\s+(\S+)")))
            {
                CpuUsPerRequest = Math.Round(cpu.TotalMicroseconds / Math.Max(1, requests), 1),
            };
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<string> RunWrkAsync(string script, string url, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, url + "/api/v1/gate/check"])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install -y wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static string Match(string text, string pattern) =>
        System.Text.RegularExpressions.Regex.Match(text, pattern) is { Success: true } m ? m.Groups[1].Value : throw new InvalidDataException($"wrk output lacks {pattern}:\n{text}");

    /// <summary>wrk prints durations as 1.23ms, 456.00us or 1.02s.</summary>
    private static double Millis(string text) => text switch
    {
        _ when text.EndsWith("ms", StringComparison.Ordinal) => double.Parse(text[..^2], CultureInfo.InvariantCulture),
        _ when text.EndsWith("us", StringComparison.Ordinal) => double.Parse(text[..^2], CultureInfo.InvariantCulture) / 1000,
        _ when text.EndsWith('s') => double.Parse(text[..^1], CultureInfo.InvariantCulture) * 1000,
        _ => throw new InvalidDataException($"Not a wrk duration: {text}"),
    };

    /// <summary>N connections, each sending its next request when the last answered (closed loop, as wrk does).</summary>
    private static async Task<LoadResult> BuiltInAsync(string url, string token, string body, int connections, int seconds, int warmupSeconds)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var measuring = Stopwatch.GetTimestamp() + (long)(warmupSeconds * Stopwatch.Frequency);
        var end = measuring + (long)(seconds * Stopwatch.Frequency);
        var errors = 0L;
        var latencies = new List<long>[connections];
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async c =>
        {
            latencies[c] = [];
            while (Stopwatch.GetTimestamp() < end)
            {
                var t0 = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("/api/v1/gate/check", new StringContent(body, Encoding.UTF8, "application/json"));
                await response.Content.ReadAsByteArrayAsync();
                if (t0 >= measuring)
                {
                    latencies[c].Add(Stopwatch.GetTimestamp() - t0);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }
        }));
        var stats = LatencyStats.From(latencies.SelectMany(l => l));
        return new LoadResult(stats.Count, errors, Math.Round(stats.Count / (double)seconds), stats.P50, stats.P99, stats.Max);
    }
}
