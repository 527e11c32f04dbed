using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Vigie.Server.Tests.Impact;

/// <summary>Impact results reach the model card as a card revision (ADR 0012), and from it the Hugging Face and CycloneDX exports.</summary>
public abstract class ImpactCardApiTests : ImpactTest
{
    [Fact]
    public async Task RecordedEnergy_BecomesACardRevision_AndTheExportsCarryIt()
    {
        var admin = Factory.Admin();
        await RegisterAsync(admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsJsonAsync("/api/v1/systems/atlas/versions/1.0/card",
            new { card = new { model = new { name = "Atlas" } }, baseRevision = 0 })).StatusCode);

        // BLOOM's published figures (Luccioni et al. 2022): 1,082,990 A100-hours at 400 W, ≈57 g/kWh.
        await RunAsync(admin, "1.0", "pretrain", 3.5e23, hours: 1_082_990);
        var estimate = await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.0/training-runs/pretrain/energy", new { accelerator = "A100-SXM", pue = 1.0, intensity = 57.0 });
        var index = estimate.GetProperty("index").GetInt64();

        var written = await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.0/impact/card", new { note = "Energy of pretraining" });
        Assert.Equal(2, written.GetProperty("revision").GetInt64());
        var card = (await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/versions/1.0/card"))).GetProperty("card");
        Assert.Equal("Atlas", card.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal(433_196, card.GetProperty("training").GetProperty("energyKwh").GetDouble());
        Assert.Equal(3.5e23, card.GetProperty("training").GetProperty("computeFlop").GetDouble());
        Assert.Contains($"Run 'pretrain' (log entry {index})", card.GetProperty("training").GetProperty("energyMethod").GetString());
        Assert.Equal(24_692_172, card.GetProperty("environment").GetProperty("co2eqEmissionsGrams").GetDouble());

        var readme = await admin.GetStringAsync("/api/v1/systems/atlas/versions/1.0/card/export?format=hf");
        Assert.Contains("co2_eq_emissions:", readme);
        Assert.Contains("emissions: 24692172", readme);
        Assert.Contains($"source: Vigie impact estimate, location-based (log entries {index})", readme);

        var bom = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/systems/atlas/versions/1.0/card/export?format=cyclonedx")).RootElement;
        var energy = bom.GetProperty("components")[0].GetProperty("modelCard").GetProperty("considerations")
            .GetProperty("environmentalConsiderations").GetProperty("energyConsumptions")[0];
        Assert.Equal(433_196, energy.GetProperty("activityEnergyCost").GetProperty("value").GetDouble());
        Assert.Equal(24.692172, energy.GetProperty("co2CostEquivalent").GetProperty("value").GetDouble(), 9);

        // Nothing new to say: no new revision.
        var again = await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.0/impact/card", new { }, HttpStatusCode.OK);
        Assert.True(again.GetProperty("unchanged").GetBoolean());
    }

    [Fact]
    public async Task WithoutAnEstimate_OrForAnUnknownVersion_NothingIsWritten()
    {
        var admin = Factory.Admin();
        await RegisterAsync(admin);
        var size = TreeSize;
        var none = await admin.PostAsJsonAsync("/api/v1/systems/atlas/versions/1.0/impact/card", new { });
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Contains("vigie impact record-run", await none.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/v1/systems/atlas/versions/9.9/impact/card", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/systems/atlas/versions/1.0/impact/card", new { colour = "red" })).StatusCode);
        Assert.Equal(size, TreeSize);
    }
}

public sealed class ImpactCardApiTestsOnSqlite : ImpactCardApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class ImpactCardApiTestsOnPostgres : ImpactCardApiTests
{
    protected override bool UsePostgres => true;
}
