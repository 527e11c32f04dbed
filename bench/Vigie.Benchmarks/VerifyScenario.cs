using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Server.Hosting;

namespace Vigie.Benchmarks;

/// <summary>
/// Figure 5: `vigie verify` of a large log over loopback. Seeds a SQLite log through the real
/// ledger (public entries, so no sealed bodies), serves it with the real server on 127.0.0.1,
/// and times the real CLI (a separate process, first use: it pins the key, downloads every tile
/// and entry bundle, parses every entry, recomputes the tree and checks the signed root).
/// </summary>
internal static class VerifyScenario
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var entries = options.Entries(1_000_000);
        var cli = Path.GetFullPath(options.Cli);
        if (!File.Exists(cli))
        {
            throw new ArgumentException($"The CLI is not built at {cli}: run 'dotnet build -c Release src/Vigie.Cli' or pass --cli.");
        }

        var loadBefore = MachineLoad.Read();

        // --seeded DIR keeps the seeded log in DIR and reuses it on the next run (for iterating
        // on verify without seeding again); without it the log is seeded fresh and deleted.
        var dataDirectory = options.Seeded is { } kept ? Path.GetFullPath(kept) : null;
        if (dataDirectory is null || !File.Exists(Path.Combine(dataDirectory, "vigie.db")))
        {
            dataDirectory = await SeedAsync(options, entries, dataDirectory);
        }

        try
        {
            await ServeAndVerifyAsync(options, cli, dataDirectory, loadBefore);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (options.Seeded is null)
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }

        return 0;
    }

    /// <summary>Appends the entries through the real ledger, 512 concurrent writers; returns the data directory.</summary>
    private static async Task<string> SeedAsync(BenchOptions options, int entries, string? into)
    {
        await using var host = await LedgerHost.StartAsync(options, into);
        host.KeepDataDirectory = true;
        var factory = new EntryFactory("plain", Vigie.Core.Ledger.Visibility.Public);
        var issued = -1L;
        await Task.WhenAll(Enumerable.Range(0, 512).Select(_ => Task.Run(async () =>
        {
            long n;
            while ((n = Interlocked.Increment(ref issued)) < entries)
            {
                await host.Ledger.AppendAsync(factory.Create(n));
            }
        })));
        return host.DataDirectory;
    }

    private static async Task ServeAndVerifyAsync(BenchOptions options, string cli, string dataDirectory, string loadBefore)
    {
        var app = VigieApp.Build(["--urls", "http://127.0.0.1:0", "--data-dir", dataDirectory, "--Vigie:PrintInitialAdminToken", "false"]);
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using (var http = new HttpClient { BaseAddress = new Uri(url) })
        {
            // The first start signs a checkpoint of everything seeded (and adds the admin's two entries).
            var size = (await http.GetFromJsonAsync<JsonElement>("/api/v1/log/checkpoint")).GetProperty("size").GetInt64();
            if (options.ServeSeconds > 0)
            {
                // For profiling the CLI by hand against a seeded log. The host takes SIGTERM and
                // Ctrl+C for itself, so they end the wait (and the bench) rather than being ignored.
                Console.WriteLine($"Serving {size} entries at {url} for {options.ServeSeconds} s (Ctrl+C or SIGTERM stops).");
                var stopping = app.Lifetime.ApplicationStopping;
                await Task.Delay(TimeSpan.FromSeconds(options.ServeSeconds), stopping).ContinueWith(_ => { }, TaskScheduler.Default);
                if (stopping.IsCancellationRequested)
                {
                    await app.StopAsync();
                    await app.DisposeAsync();
                    return;
                }
            }

            // Run 1 meets a server that has just started (its tile path not yet compiled by the JIT);
            // later runs meet it warm, as a long-running server is. Each run is a fresh CLI process on
            // first use, as a person running 'vigie verify' gets.
            for (var run = 1; run <= options.Runs; run++)
            {
                await RunCliAsync(cli, url, Path.Combine(dataDirectory, "cli-config.json"), size, run, loadBefore);
                loadBefore = MachineLoad.Read();
            }
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task RunCliAsync(string cli, string url, string config, long size, int run, string loadBefore)
    {
        File.Delete(config); // first use every run: pin the key, no earlier checkpoint
        var psi = new ProcessStartInfo("dotnet", [cli, "verify", "--server", url, "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["VIGIE_CONFIG"] = config },
        };
        var cpuBefore = MachineLoad.ProcessCpu();
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Linux forgets a process's CPU time once it has exited: sample it while it runs.
        var cliCpu = TimeSpan.Zero;
        while (!process.WaitForExit(50))
        {
            try
            {
                cliCpu = process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                break; // exited between the two calls
            }
        }

        await process.WaitForExitAsync();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var serverCpu = MachineLoad.ProcessCpu() - cpuBefore;
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine(await stdout + await stderr);
            throw new InvalidOperationException($"vigie verify exited {process.ExitCode}.");
        }

        Report.Print($"verify: vigie verify of {size:N0} entries over loopback (CLI process, server in this process), run {run}",
        [
            ("scenario", "verify"), ("run", run), ("server", run == 1 ? "just started" : "warm"), ("entries", size),
            ("seconds", Math.Round(seconds, 3)), ("entriesPerSecond", Math.Round(size / seconds)), ("cliExitCode", process.ExitCode),
            ("serverCpuSeconds", Math.Round(serverCpu.TotalSeconds, 2)),
            ("cliCpuSeconds", Math.Round(cliCpu.TotalSeconds, 2)),
            ("loadBefore", loadBefore), ("loadAfter", MachineLoad.Read()), ("at", MachineLoad.Now()),
        ]);
    }
}
