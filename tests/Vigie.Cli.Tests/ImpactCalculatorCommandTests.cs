using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Xunit;

namespace Vigie.Cli.Tests;

/// <summary>The offline calculators: no server, published figures, clear errors and exit codes.</summary>
public sealed class ImpactCalculatorCommandTests
{
    [Fact]
    public async Task Energy_ReproducesBloom_Offline_WithScientificNotation()
    {
        using var cli = new CliRunner(server: "http://127.0.0.1:9"); // nothing listens there: the calculator must not need it
        var result = await cli.RunAsync("impact", "energy", "--accelerator", "A100-SXM", "--accelerator-hours", "1.08299e6", "--pue", "1", "--intensity", "57", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(433_196, json.GetProperty("itEnergyKwh").GetDouble(), 6);
        Assert.Equal(24.7, json.GetProperty("locationCo2eKg").GetDouble() / 1000, 1);
        var power = json.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "powerWatts");
        Assert.Equal("default", power.GetProperty("origin").GetString());
        Assert.Contains("datasheet", power.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Energy_ForPeople_ShowsEveryInputsOrigin_AndWhatIsMissing()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("impact", "energy", "--accelerator", "H100-SXM", "--count", "8", "--hours", "24", "--region", "FR", "--year", "2023");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("134.4 kWh", result.Out); // 8 × 24 h × 0.7 kW
        Assert.Contains("PUE 1.58", result.Out);
        Assert.Contains("FR 2023", result.Out);
        Assert.Contains("CC BY 4.0", result.Out);
        Assert.Contains("needs the data centre's WUE", result.Out);
    }

    [Theory]
    [InlineData("impact", "energy", "--accelerator", "TPU-v9", "--hours", "3", "--count", "1")]
    [InlineData("impact", "energy", "--measured-kwh", "10", "--region", "France")]
    [InlineData("impact", "energy", "--measured-kwh", "-1")]
    [InlineData("impact", "compute", "--params", "7e10")]
    [InlineData("impact", "energy", "--count", "many")]
    public async Task BadInput_IsAUsageError(params string[] args)
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error.Trim());
    }

    [Fact]
    public async Task Compute_GivesGpt3_AndNamesTheThresholdsCrossed()
    {
        using var cli = new CliRunner();
        var gpt3 = await cli.RunAsync("impact", "compute", "--params", "175e9", "--tokens", "300e9", "--json");
        Assert.True(gpt3.ExitCode == 0, gpt3.ToString());
        var json = JsonDocument.Parse(gpt3.Out).RootElement;
        Assert.Equal(3.15e23, json.GetProperty("flop").GetDouble(), 1e11);
        Assert.Empty(json.GetProperty("crosses").EnumerateArray());

        var frontier = await cli.RunAsync("impact", "compute", "--params", "1e12", "--tokens", "2e13");
        Assert.Contains("CROSSES 1E+25", frontier.Out);
        Assert.Contains("CROSSES 1E+26: California SB 53", frontier.Out);
    }

    [Fact]
    public async Task Fairness_MethodsVector_FailsFourFifths_WithExitCode1()
    {
        using var cli = new CliRunner();
        var file = cli.WriteFile("results.csv", "\uFEFFgroup,label,prediction\r\na,1,1\r\na,1,1\r\na,0,1\r\na,0,0\r\nb,1,1\r\nb,1,0\r\nb,0,0\r\nb,0,0\r\n");
        var text = await cli.RunAsync("impact", "fairness", file, "--group", "group", "--reference", "a");
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("0.333 FAILS 4/5", text.Out);
        Assert.Contains("Demographic parity: difference 0.500, ratio 0.333", text.Out);

        var json = JsonDocument.Parse((await cli.RunAsync("impact", "fairness", file, "--group", "group", "--json")).Out).RootElement;
        Assert.False(json.GetProperty("passesFourFifths").GetBoolean());
        Assert.Equal(0.5, json.GetProperty("equalizedOddsDifference").GetDouble(), 12);
    }

    [Fact]
    public async Task Fairness_BadFiles_AreUsageErrors_NamingTheLine()
    {
        using var cli = new CliRunner();
        var file = cli.WriteFile("bad.csv", "group,label,prediction\na,1,1\nb,2,0\n");
        var result = await cli.RunAsync("impact", "fairness", file, "--group", "group");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Line 3: label must be 1/0", result.Error);

        var unknown = await cli.RunAsync("impact", "fairness", file, "--group", "sex");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no column 'sex'", unknown.Error);
    }
}
