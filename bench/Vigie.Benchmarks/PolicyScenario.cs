using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Vigie.Core.Policies;

namespace Vigie.Benchmarks;

/// <summary>
/// Issue 4's in-process target: a 100-rule policy evaluates in at most 1 ms p99. The policy is
/// built from ten rule shapes of the shipped presets (macros over lists, has() guards, map
/// indexes, numeric and string comparisons), each used ten times with its own constant. Every
/// evaluation gets one of 64 distinct dossiers (20 evaluations, 6 decisions, 8 scorecard
/// categories each), so nothing is reused between runs but the compiled policy. Three figures:
/// the gate on a parsed dossier (what the 1 ms target is about); the gate and its stable JSON
/// (every value each rule read); and parse + gate (schema validation, RFC 8785 digest,
/// conversion), what one check costs the server before it writes anything.
/// </summary>
internal static class PolicyScenario
{
    private static readonly string[] Shapes =
    [
        "has(dossier.scorecard) && dossier.scorecard.categories.all(c, !c.tracked || c.postMitigation in ['low', 'medium'] || c.id == 'k{0}')",
        "dossier.evaluations.exists(e, has(e.effectiveCompute) && has(dossier.compute.effectiveCompute) && dossier.compute.effectiveCompute <= {0}.0 * e.effectiveCompute)",
        "dossier.decisions.exists(d, d.type == dossier.action && d.status == 'approved' && !d.stale && d.staleSignOffs <= {0})",
        "!has(dossier.incidents) || !dossier.incidents.exists(i, i.status == 'open' && i.severity == 'critical' && i.id != 'inc-{0}')",
        "has(dossier.card) && 'eu-annex-xi' in dossier.card.profiles && (dossier.card.profiles['eu-annex-xi'].complete || size(dossier.card.profiles['eu-annex-xi'].missing) < {0})",
        "!has(dossier.compute.totalFlopWithLineage) || dossier.compute.totalFlopWithLineage <= 1e25 || (has(dossier.regulatory) && has(dossier.regulatory.euSystemicRiskNotification)) || {0} < 0",
        "dossier.evaluations.filter(e, has(e.score) && has(e.threshold) && e.score >= e.threshold).size() <= {0}",
        "timestamp(dossier.time) - timestamp(dossier.version.name == 'x' ? dossier.time : '2026-01-01T00:00:00Z') < duration('{0}h')",
        "!has(dossier.scorecard) || !has(dossier.scorecard.requiredAsl) || (has(dossier.scorecard.safeguards) && dossier.scorecard.safeguards.exists(s, s.standard == 'security' && s.asl >= dossier.scorecard.requiredAsl && s.status == 'implemented')) || {0} == 0",
        "dossier.waivers.all(w, w.reason.size() > 3) && dossier.system.name.matches('^[a-z0-9-]+$') && size(dossier.decisions) < {0}",
    ];

    public static Task<int> RunAsync(BenchOptions options)
    {
        var evaluations = options.Entries(20_000);
        var warmup = options.Warmup(2_000);
        var loadBefore = MachineLoad.Read();

        var text = PolicyText();
        var loadTimer = Stopwatch.StartNew();
        var load = PolicyReader.Read(text);
        var loadMs = loadTimer.Elapsed.TotalMilliseconds;
        var policy = load.Policy ?? throw new InvalidOperationException(load.ErrorText);

        var texts = Enumerable.Range(0, 64).Select(Dossier).ToArray();
        var dossiers = texts.Select(t => ReleaseDossier.Parse(t).Dossier ?? throw new InvalidOperationException(ReleaseDossier.Parse(t).ErrorText)).ToArray();
        var verdicts = new int[3];
        for (var n = 0; n < warmup; n++)
        {
            Gate(policy, dossiers[n % dossiers.Length]);
            Gate(policy, Parse(texts[n % texts.Length]));
        }

        var gate = new List<long>(evaluations);
        var endToEnd = new List<long>(evaluations);
        var cpuBefore = MachineLoad.ProcessCpu();
        var started = Stopwatch.GetTimestamp();
        for (var n = 0; n < evaluations; n++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var result = Gate(policy, dossiers[n % dossiers.Length]);
            gate.Add(Stopwatch.GetTimestamp() - t0);
            verdicts[(int)result.Verdict]++;
        }

        var cpuGate = MachineLoad.ProcessCpu() - cpuBefore;
        var withJson = new List<long>(evaluations);
        for (var n = 0; n < evaluations; n++)
        {
            var t0 = Stopwatch.GetTimestamp();
            Gate(policy, dossiers[n % dossiers.Length]).ToUtf8Json();
            withJson.Add(Stopwatch.GetTimestamp() - t0);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var n = 0; n < 1000; n++)
        {
            Gate(policy, dossiers[n % dossiers.Length]);
        }

        var allocatedPerGate = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1000;
        for (var n = 0; n < evaluations; n++)
        {
            var t0 = Stopwatch.GetTimestamp();
            Gate(policy, Parse(texts[n % texts.Length]));
            endToEnd.Add(Stopwatch.GetTimestamp() - t0);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var g = LatencyStats.From(gate);
        var e = LatencyStats.From(endToEnd);
        var j = LatencyStats.From(withJson);
        Report.Print($"policy: {policy.Rules.Count}-rule policy ({Encoding.UTF8.GetByteCount(text)} bytes), {dossiers.Length} distinct dossiers, in process",
        [
            ("scenario", "policy"), ("rules", policy.Rules.Count), ("policyBytes", Encoding.UTF8.GetByteCount(text)), ("loadMs", Math.Round(loadMs, 1)),
            ("dossierBytes", (int)texts.Average(t => t.Length)), ("evaluations", g.Count), ("seconds", Math.Round(seconds, 3)),
            ("allow", verdicts[0]), ("deny", verdicts[1]), ("allowWithWarnings", verdicts[2]),
            ("gateP50Ms", g.P50), ("gateP95Ms", g.P95), ("gateP99Ms", g.P99), ("gateMaxMs", g.Max), ("gateMeanMs", g.Mean),
            ("gateCpuUs", Math.Round(cpuGate.TotalMicroseconds / Math.Max(1, g.Count), 1)), ("gateAllocatedBytes", allocatedPerGate),
            ("gateAndJsonP50Ms", j.P50), ("gateAndJsonP99Ms", j.P99), ("gateAndJsonMeanMs", j.Mean),
            ("parseAndGateP50Ms", e.P50), ("parseAndGateP99Ms", e.P99), ("parseAndGateMeanMs", e.Mean),
            ("cpuPressureAvg10", MachineLoad.CpuPressure()), ("loadBefore", loadBefore), ("loadAfter", MachineLoad.Read()), ("at", MachineLoad.Now()),
        ]);
        return Task.FromResult(0);
    }

    private static GateResult Gate(Policy policy, ReleaseDossier dossier) =>
        PolicyGate.Evaluate(policy, dossier).Result ?? throw new InvalidOperationException("The gate refused a benchmark dossier.");

    private static ReleaseDossier Parse(string text) => ReleaseDossier.Parse(text).Dossier!;

    private static string PolicyText()
    {
        var text = new StringBuilder("policy:\n  name: bench-100\n  version: 1\n  title: One hundred rules for the benchmark\nrules:\n");
        for (var i = 0; i < 100; i++)
        {
            var require = string.Format(CultureInfo.InvariantCulture, Shapes[i % Shapes.Length], 2 + (i / Shapes.Length));
            text.Append(CultureInfo.InvariantCulture, $"  - id: rule-{i:D3}\n    applies_to: [train, continue-training, deploy-internal, deploy-external]\n");
            text.Append("    require: \"").Append(require.Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n");
            text.Append(i % 4 == 0 ? "    severity: warn\n" : "    severity: block\n");
            text.Append(CultureInfo.InvariantCulture, $"    message: Rule {i} must hold.\n    implements: bench\n");
        }

        return text.ToString();
    }

    /// <summary>The schema's sample, grown and varied: seed changes times, levels, counts and the action.</summary>
    private static string Dossier(int seed)
    {
        var dossier = JsonNode.Parse(DossierSchema.SampleText)!.AsObject();
        var actions = new[] { "train", "continue-training", "deploy-internal", "deploy-external" };
        dossier["action"] = actions[seed % actions.Length];
        dossier["time"] = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero).AddMinutes(seed).ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture);
        dossier["waivers"] = new JsonArray();
        var levels = new[] { "low", "medium", "high", "critical" };
        dossier["scorecard"]!["categories"] = new JsonArray([.. Enumerable.Range(0, 8).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"c{i}", ["tracked"] = i % 3 != 0, ["preMitigation"] = levels[(seed + i) % 4], ["postMitigation"] = levels[(seed + i) % 2],
        })]);
        var evaluation = dossier["evaluations"]![0]!.AsObject();
        dossier["evaluations"] = new JsonArray([.. Enumerable.Range(0, 20).Select(i =>
        {
            var copy = evaluation.DeepClone().AsObject();
            copy["id"] = $"ev-{seed}-{i}";
            copy["score"] = ((seed * 7) + i) % 10 / 10.0;
            copy["effectiveCompute"] = 1e24 * (i + 1);
            return (JsonNode)copy;
        })]);
        var decision = dossier["decisions"]![0]!.AsObject();
        dossier["decisions"] = new JsonArray([.. Enumerable.Range(0, 6).Select(i =>
        {
            var copy = decision.DeepClone().AsObject();
            copy["id"] = $"dec-{seed}-{i}";
            copy["type"] = actions[(seed + i) % actions.Length];
            copy["stale"] = (seed + i) % 5 == 0;
            return (JsonNode)copy;
        })]);
        return dossier.ToJsonString();
    }
}
