using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigie.Server.Tests.Decisions;
using Xunit;

namespace Vigie.Server.Tests.Gate;

/// <summary>What gate tests share: the decision set-up, a small policy, and taking policy-change decisions.</summary>
public abstract class GateTest : DecisionTest
{
    /// <summary>A policy with a block rule, a warn rule and a rule for another action; <paramref name="version"/> and <paramref name="extra"/> vary it.</summary>
    public static string TestPolicy(int version = 1, string extra = "") => $"""
        policy:
          name: test-gate
          version: {version}
          title: The gate under test
        rules:
          - id: approved-decision
            applies_to: [deploy-internal, deploy-external, alias-move]
            require: dossier.decisions.exists(d, d.type == dossier.action && d.status == 'approved' && !d.stale)
            severity: block
            message: No approved decision of this type rests on the current evidence.
            implements: "Charter, section 2"
          - id: card-present
            applies_to: [deploy-external]
            require: has(dossier.card)
            severity: warn
            message: The version has no model card.
            implements: "Documentation policy"
          - id: compute-recorded
            applies_to: [train]
            require: has(dossier.compute.trainingFlop)
            severity: block
            message: Record the training compute first.
            implements: "SB 53"
        {extra}
        """;

    /// <summary>Proposes <paramref name="text"/> as max, then the advisory group and an executive approve it: the policy is active.</summary>
    protected async Task<string> ActivateAsync(string text)
    {
        var opened = await PostAsync(Person("max"), "/api/v1/policies", new { text }, HttpStatusCode.Created);
        var id = opened.GetProperty("decision").GetProperty("id").GetString()!;
        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "bea");
        await SignOkAsync(id, "eve");
        return id;
    }

    protected Task<HttpResponseMessage> CheckAsync(string action = "deploy-external", string version = Version, HttpClient? client = null, bool includeDossier = false) =>
        (client ?? Person("max")).PostAsJsonAsync("/api/v1/gate/check", new { system = System, version, action, includeDossier });

    protected async Task<JsonElement> CheckOkAsync(string action = "deploy-external", string version = Version, bool includeDossier = false)
    {
        var response = await CheckAsync(action, version, includeDossier: includeDossier);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Approves a decision of <paramref name="type"/> about atlas 1.0 (advisory group, then an executive).</summary>
    protected async Task<string> ApproveAsync(string type = "deploy-external")
    {
        var id = await OpenAsync(type);
        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "bea");
        await SignOkAsync(id, "eve");
        return id;
    }

    protected static Dictionary<string, string> Outcomes(JsonElement result) =>
        result.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("outcome").GetString()!);
}
