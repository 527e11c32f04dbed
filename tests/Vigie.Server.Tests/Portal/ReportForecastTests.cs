using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Vigie.Server.Tests.Risk;
using Xunit;

namespace Vigie.Server.Tests.Portal;

/// <summary>
/// The transparency report's charts of capability forecasts (issue 5's forecasts, from public
/// evaluations only) and of emissions (issue 6's energy estimates beside the cards' figures).
/// </summary>
public abstract partial class ReportForecastTests : RiskTest
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheReport_ChartsTheForecastFromPublicEvaluations_AndTheEstimatedEmissions()
    {
        await RestartAsync(new FakeTimeProvider(Now));
        await SetUpAsync();
        foreach (var (version, log10, ended) in new[] { ("0.1", 22.0, "2025-01-01"), ("0.2", 23.0, "2025-07-01"), ("0.3", 24.0, "2026-01-01") })
        {
            await VersionAsync(version, Math.Pow(10, log10), ended, visibility: "public");
            await ImportOkAsync(version, $"task,metric,value\ncybench,accuracy,{ForecastApiTests.Slow(log10).ToString("R", CultureInfo.InvariantCulture)}\n", query: "&visibility=public");
        }

        // An internal version far above the trend raises an early warning inside; the public report, built from public evidence, does not show it.
        await VersionAsync("0.4", 2e24, "2026-06-01");
        var inside = await ImportOkAsync("0.4", "task,metric,value\ncybench,accuracy,0.12\n");
        Assert.Equal(1, inside.GetProperty("alerts").GetArrayLength());

        // BLOOM's training (Luccioni et al. 2022): 1,082,990 A100 hours at 57 gCO2e/kWh and PUE 1.0 gave 24.7 t CO2e.
        await VersionAsync("1.0-bloom", null, visibility: "public");
        await PostAsync(Admin, $"/api/v1/systems/{System}/versions/1.0-bloom/training-runs",
            new { run = "bloom-like", startedOn = "2026-01-05", acceleratorHours = 1_082_990 }, HttpStatusCode.OK);
        await PostAsync(Admin, $"/api/v1/systems/{System}/versions/1.0-bloom/training-runs/bloom-like/energy",
            new { accelerator = "A100-SXM", pue = 1.0, intensity = 57.0 }, HttpStatusCode.Created);
        await CheckpointCoveringAsync(Factory.CreateClient(), TreeSize, TimeSpan.FromSeconds(5));

        var md = await Factory.CreateClient().GetStringAsync("/reports/transparency.md");
        var row = md.Split('\n').Single(l => l.StartsWith("| atlas: cybench / accuracy |", StringComparison.Ordinal));
        // The exact line meets logit(0.10) (Medium's 0.15 less its 0.05 margin) at log10 C = 22 + (logit(0.10) + 4) / 0.2.
        var crossing = Math.Pow(10, 22 + (Math.Log(0.10 / 0.90) + 4) / 0.2);
        Assert.Contains("| " + crossing.ToString("0.###e+0", CultureInfo.InvariantCulture) + " FLOP |", row);
        Assert.Contains("cybersecurity 'medium' at 0.15", row);
        Assert.Contains("| no | [#", row);
        Assert.Equal(4, Regex.Matches(row, @"\[#\d+\]").Count); // the three public evaluations and the framework
        Assert.DoesNotContain("0.4:", row);
        Assert.Contains("**Capability forecast: atlas, cybench / accuracy** (chart in the HTML and PDF versions of this report)", md);

        var emissions = md.Split('\n').Single(l => l.Contains("atlas 1.0-bloom, estimated from 1 run(s)", StringComparison.Ordinal));
        var kg = double.Parse(NumberCell().Match(emissions).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.Equal(24.7, kg / 1000, 1);

        var html = await Factory.CreateClient().GetStringAsync("/reports/transparency.html");
        var png = Convert.FromBase64String(PngData().Match(html).Groups[1].Value);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        var pdf = await Factory.CreateClient().GetByteArrayAsync("/reports/transparency.pdf");
        var text = await ReportTests.PdfTextAsync(pdf);
        Assert.Contains("Capability forecast: atlas, cybench / accuracy", text);
    }

    [Fact]
    public async Task Sb53Report_SummarisesTheCatastrophicRiskAssessment_AndCountsTheSystemsIncidents()
    {
        await SetUpAsync();
        await VersionAsync("1.0", 3e24, visibility: "public");
        var evaluation = (await ImportOkAsync("1.0", "task,metric,value\ncybench,accuracy,0.31\nwmdp_bio,acc,0.62\n", query: "&visibility=public")).GetProperty("index").GetInt64();
        await CheckpointCoveringAsync(Factory.CreateClient(), TreeSize, TimeSpan.FromSeconds(5));
        var derived = await Factory.CreateClient().GetStringAsync($"/reports/sb53.md?system={System}&version=1.0");
        // The preset's High cyber threshold is 0.35 with a 0.05 margin: 0.31 cannot rule it out, so High, from that evaluation.
        var cyber = derived.Split('\n').Single(l => l.StartsWith("| Cybersecurity |", StringComparison.Ordinal));
        Assert.StartsWith("| Cybersecurity | high | high | derived:", cyber);
        Assert.EndsWith($"[#{evaluation}]({Site(derived)}/entries/{evaluation}) |", cyber);

        var confirmed = (await PostAsync(Officer, $"/api/v1/systems/{System}/versions/1.0/scorecard/confirmations",
            new { category = "cybersecurity", preMitigation = "high", postMitigation = "medium", rationale = "CTF results reviewed; exploit-chain filtering is in place." },
            HttpStatusCode.Created)).GetProperty("index").GetInt64();
        await PostAsync(Admin, $"/api/v1/systems/{System}/versions/1.0/safeguards",
            new { id = "exploit-filter", name = "Exploit-chain output filter", standard = "deployment", status = "implemented", category = "cybersecurity", evidence = new[] { "ev-9" } },
            HttpStatusCode.Created);
        await PostAsync(Admin, "/api/v1/incidents", new { title = "Jailbreak published", discovered = "2026-05-04", system = System, version = "1.0", category = "other-serious-harm" }, HttpStatusCode.Created);
        await CheckpointCoveringAsync(Factory.CreateClient(), TreeSize, TimeSpan.FromSeconds(5));

        var md = await Factory.CreateClient().GetStringAsync($"/reports/sb53.md?system={System}&version=1.0");
        Assert.Contains("## Catastrophic-risk assessment", md);
        Assert.Contains($"| Cybersecurity | high | medium | confirmed by rso on ", md);
        Assert.Contains($"CTF results reviewed; exploit-chain filtering is in place. | [#{confirmed}]({Site(md)}/entries/{confirmed}) |", md);
        Assert.Contains("| Exploit-chain output filter | deployment | implemented |", md);
        Assert.Contains("**Incidents recorded about this system:** 1, of which 1 open", md);
        Assert.DoesNotContain("Jailbreak", md);
        Assert.DoesNotContain("## Systemic-risk assessment", await Factory.CreateClient().GetStringAsync($"/reports/annex-xi.md?system={System}&version=1.0"));
        Assert.Contains("## Systemic-risk assessment", await Factory.CreateClient().GetStringAsync($"/reports/model-report.md?system={System}&version=1.0"));
    }

    private static string Site(string md) => Regex.Match(md, @"\]\((http[^ )]+)/entries/").Groups[1].Value;

    [GeneratedRegex(@"^\| [^|]+ \| ([\d,.]+) \|")]
    private static partial Regex NumberCell();

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex PngData();
}

public sealed class ReportForecastTestsOnSqlite : ReportForecastTests
{
    protected override bool UsePostgres => false;
}

public sealed class ReportForecastTestsOnPostgres : ReportForecastTests
{
    protected override bool UsePostgres => true;
}
