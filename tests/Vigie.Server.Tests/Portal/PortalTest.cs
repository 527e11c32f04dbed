using System.Net;
using Vigie.Server.Tests.Cards;
using Vigie.Server.Tests.Decisions;
using Xunit;

namespace Vigie.Server.Tests.Portal;

/// <summary>A governed system with a card, a decision signed with a justification, a public and a confidential dissent.</summary>
public abstract class PortalTest : DecisionTest
{
    protected async Task<string> DecisionWithDissentAsync()
    {
        await SetUpAsync();
        var put = await CardApi.PutAsync(App.Admin(), System, Version, """{"model":{"name":"Atlas"},"training":{"computeFlop":3.8e25}}""", baseRevision: 0, note: "First card");
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var id = await OpenAsync();
        await SignOkAsync(id, "ada", justification: "Cyber uplift is below the High threshold.");
        await PostAsync(Person("max"), $"/api/v1/decisions/{id}/dissent", new { statement = "The cyber evaluation skipped the agentic setting." }, HttpStatusCode.Created);
        await PostAsync(Person("bea"), $"/api/v1/decisions/{id}/dissent",
            new { statement = "Customer Z's use case was never evaluated.", confidentialReason = "It names a customer under NDA." }, HttpStatusCode.Created);
        await CheckpointCoveringAsync(App.CreateClient(), TreeSize, TimeSpan.FromSeconds(5));
        return id;
    }

    protected async Task<string> PageAsync(string path)
    {
        var response = await App.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
