using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Vigie.Benchmarks;

const string Usage = """
    Vigie ledger benchmarks (see docs/performance.md)
      append  --store sqlite|postgres [--postgres "<conn>"] [--writers 256] [--entries 200000]
              [--kind evidence|plain] [--visibility internal|public] [--warmup N] [--max-seconds 120]
      latency --store sqlite|postgres [--postgres "<conn>"] [--entries 5000] [--kind ...] [--max-seconds 120]
      verify  [--entries 1000000] [--cli src/Vigie.Cli/bin/Release/net10.0/vigie.dll]   (figure 5, SQLite)
              [--runs N] (run 1 against the just-started server, later runs warm) [--seeded DIR] (seed into DIR
              once, reuse it afterwards) [--serve-seconds N] (serve for profiling)
      splits  --store sqlite|postgres [--entries 20000] [--batch 256]   (per-step timings, for diagnosis)
      policy  [--entries 20000] [--warmup 2000]   (issue 4: a 100-rule policy, gate p99 in process)
      gate-http [--client wrk|builtin] [--connections 64] [--seconds 20] [--warmup-seconds 5] [--store sqlite|postgres]
                [--policy presets/policies/regulatory-baseline.yaml] [--port 5199]   (issue 4: POST /api/v1/gate/check, run from the repo root)
      gate-splits [--n 300]   (per-part timings of a gate check, for diagnosis)
      portal  --store sqlite|postgres [--entries 100000] [--decisions 200] [--requests 200]   (issue 8: public pages over HTTP)
      proofs   [BenchmarkDotNet arguments, e.g. --filter *]   (figure 3: MerkleTree with 1M leaves)
      envelope [BenchmarkDotNet arguments]                    (writer CPU per entry, for diagnosis)
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    return args[0] switch
    {
        "append" => await AppendScenario.RunAsync(BenchOptions.Parse(args.AsSpan(1))),
        "latency" => await LatencyScenario.RunAsync(BenchOptions.Parse(args.AsSpan(1))),
        "splits" => await SplitsScenario.RunAsync(BenchOptions.Parse(args.AsSpan(1))),
        "verify" => await VerifyScenario.RunAsync(BenchOptions.Parse(args.AsSpan(1))),
        "policy" => await PolicyScenario.RunAsync(BenchOptions.Parse(args.AsSpan(1))),
        "gate-http" => await GateHttpScenario.RunAsync(BenchOptions.Parse(args.AsSpan(1))),
        "gate-splits" => await GateSplitsScenario.RunAsync(BenchOptions.Parse(args.AsSpan(1))),
        "portal" => await PortalScenario.RunAsync(BenchOptions.Parse(args.AsSpan(1))),
        "proofs" => RunBenchmarks<ProofBenchmarks>(args[1..]),
        "envelope" => RunBenchmarks<EnvelopeBenchmarks>(args[1..]),
        _ => Usage2(),
    };
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

static int Usage2()
{
    Console.Error.WriteLine(Usage);
    return 2;
}

// In-process: no generated project to build, so the run stays short; a bounded job keeps it to minutes.
static int RunBenchmarks<T>(string[] rest)
{
    var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
        .WithWarmupCount(3).WithIterationCount(15);
    var config = DefaultConfig.Instance.AddJob(job);
    BenchmarkRunner.Run<T>(config, rest);
    return 0;
}
