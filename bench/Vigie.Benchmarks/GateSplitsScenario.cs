using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Vigie.Server.Features.Gate;
using Vigie.Server.Hosting;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Cards;
using Vigie.Server.Features.Decisions;
using Vigie.Core.Policies;

namespace Vigie.Benchmarks;

/// <summary>
/// Diagnosis for gate-http: CPU and wall time per part of a gate check (each query of the dossier,
/// each IDossierSource, parsing, evaluation, a whole check), in process on a seeded server.
/// </summary>
internal static class GateSplitsScenario
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var data = Directory.CreateTempSubdirectory("vigie-bench-gate-splits-").FullName;
        var url = $"http://127.0.0.1:{options.GetIntOption("port", 5198).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var app = VigieApp.Build(["--urls", url, "--data-dir", data, "--Vigie:PrintInitialAdminToken=false", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        await GateSeed.RunAsync(url, data, File.ReadAllText("presets/policies/regulatory-baseline.yaml"));
        var sp = app.Services;
        var n = options.GetIntOption("n", 300);
        var req = new DossierRequest("atlas", "1.0", "deploy-external", DateTimeOffset.UtcNow);
        var policy = (await sp.GetRequiredService<PolicyQueries>().ActivePolicyAsync(default))!;
        async Task Time(string name, Func<Task> f)
        {
            for (var i = 0; i < 30; i++) await f();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < n; i++) await f();
            var c = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"{name,-30} wall {sw.Elapsed.TotalMicroseconds / n,8:F0} us  cpu {c.TotalMicroseconds / n,8:F0} us");
        }

        var registry = sp.GetRequiredService<RegistryQueries>();
        await Time("system", () => registry.GetSystemAsync("atlas", true, default));
        await Time("version", () => registry.GetVersionAsync("atlas", "1.0", true, default));
        await Time("compute", () => registry.ComputeAsync("atlas", "1.0", default));
        await Time("snapshot", () => sp.GetRequiredService<EvidenceSnapshots>().TakeAsync("atlas", "1.0", default));
        var cards = sp.GetRequiredService<CardQueries>();
        await Time("card row", () => cards.LatestAsync("atlas", "1.0", true, default));
        var row = (await cards.LatestAsync("atlas", "1.0", true, default))!;
        await Time("decisions", () => sp.GetRequiredService<DecisionQueries>().AboutVersionAsync("atlas", "1.0", default));
        await Time("waivers", () => sp.GetRequiredService<WaiverQueries>().InForceAsync("atlas", "1.0", "deploy-external", DateTimeOffset.UtcNow, default));
        await Time("active policy", () => sp.GetRequiredService<PolicyQueries>().ActivePolicyAsync(default));
        foreach (var s in sp.GetServices<IDossierSource>())
        {
            await Time(s.GetType().Name, () => s.ContributeAsync(req, new System.Text.Json.Nodes.JsonObject(), default));
        }
        await Time("build total", () => sp.GetRequiredService<DossierBuilder>().BuildAsync(req, policy, default));
        var d = (await sp.GetRequiredService<DossierBuilder>().BuildAsync(req, policy, default)).Dossier!;
        await Time("evaluate", () => { PolicyGate.Evaluate(policy, d); return Task.CompletedTask; });
        await Time("parse", () => { ReleaseDossier.Parse(d.CanonicalJson); return Task.CompletedTask; });
        await Time("check total", () => sp.GetRequiredService<GateChecks>().CheckAsync("ci", "atlas", "1.0", "deploy-external", default));
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
        return 0;
    }
}
