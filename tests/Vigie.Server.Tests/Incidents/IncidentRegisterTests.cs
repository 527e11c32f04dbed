using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigie.Server.Ledger;
using Xunit;

namespace Vigie.Server.Tests.Incidents;

/// <summary>The register: what is recorded and how (sealed entries), corrections over time, who reads what, refusals that write nothing.</summary>
public abstract class IncidentRegisterTests : IncidentTest
{
    private static readonly object Full = new
    {
        title = "Agent deleted production data",
        discovered = "2026-05-04T08:15:00Z",
        category = "critical-infrastructure",
        regimes = new[] { "gpai-cop", "eu-ai-act-art73" },
        internalUse = true,
        occurredOn = "2026-05-03",
        description = "An agent built on the model deleted a water utility's telemetry database.",
        harm = "Telemetry lost for 6 hours; manual operation of two pumping stations.",
        affected = "Residents of two districts",
        peopleAffected = 42000,
        chainOfEvents = "Operator prompt → agent tool call → DROP TABLE.",
        response = "Tool permissions revoked for all customers.",
        whyReportable = "Serious disruption of critical infrastructure.",
    };

    [Fact]
    public async Task Open_RecordsOneInternalEntry_WhoseBodyIsSealed_AndShowsEveryField()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        var before = TreeSize;
        var incident = await OpenAsync(Full);
        Assert.Equal(before + 1, TreeSize);
        Assert.Equal(before, incident.GetProperty("index").GetInt64());
        Assert.Equal("internal", Text(incident, "visibility"));
        Assert.Equal("critical", Text(incident, "severity"));
        Assert.Equal("admin", Text(incident, "openedBy"));
        Assert.Equal(42000, incident.GetProperty("fields").GetProperty("peopleAffected").GetInt64());
        Assert.True(incident.GetProperty("fields").GetProperty("internalUse").GetBoolean());
        Assert.Equal("2026-05-06", Text(Deadlines(incident)["gpai-cop/initial-report"], "dueDate"));
        Assert.Equal("2026-05-06", Text(Deadlines(incident)["eu-ai-act-art73/report"], "dueDate"));

        // The log holds a commitment, never the incident's text; anonymous readers get nothing.
        var entry = await ReadJsonAsync(await Factory.Admin().GetAsync($"/api/v1/log/entries/{before}"));
        var envelope = entry.GetProperty("envelope");
        Assert.Equal("incident.opened/v1", Text(envelope, "kind"));
        Assert.False(envelope.TryGetProperty("body", out _));
        Assert.True(envelope.TryGetProperty("commitment", out _));
        Assert.DoesNotContain("water utility", entry.GetProperty("envelopeBase64").GetString() is { } b ? Encoding.UTF8.GetString(Convert.FromBase64String(b)) : "");
        Assert.Contains("water utility", entry.GetProperty("sealedBody").GetProperty("body").GetRawText());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().GetAsync($"/api/v1/log/entries/{before}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().GetAsync($"/api/v1/incidents/{Text(incident, "id")}")).StatusCode);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithAClearProblem_AndWritesNothing()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        Task<HttpResponseMessage> Open(HttpClient c, object body) => c.PostAsJsonAsync("/api/v1/incidents", body);
        Assert.Contains("title is required", await RefusedAsync(HttpStatusCode.BadRequest, c => Open(c, new { discovered = "2026-05-04" })));
        Assert.Contains("discovered is required", await RefusedAsync(HttpStatusCode.BadRequest, c => Open(c, new { title = "T" })));
        Assert.Contains("is in the future", await RefusedAsync(HttpStatusCode.BadRequest, c => Open(c, new { title = "T", discovered = "2026-06-01" })));
        Assert.Contains("not a date (YYYY-MM-DD) or an RFC 3339 time", await RefusedAsync(HttpStatusCode.BadRequest, c => Open(c, new { title = "T", discovered = "04/05/2026" })));
        Assert.Contains("not a date", await RefusedAsync(HttpStatusCode.BadRequest, c => Open(c, new { title = "T", discovered = "2026-05-04T10:00:00" })));
        Assert.Contains("Unknown incident category \"deaths\"", await RefusedAsync(HttpStatusCode.BadRequest, c => Open(c, new { title = "T", discovered = "2026-05-04", category = "deaths" })));
        Assert.Contains("Unknown incident regime \"sb-53\"", await RefusedAsync(HttpStatusCode.BadRequest, c => Open(c, new { title = "T", discovered = "2026-05-04", regimes = new[] { "sb-53" } })));
        Assert.Contains("severity 'urgent'", await RefusedAsync(HttpStatusCode.BadRequest, c => Open(c, new { title = "T", discovered = "2026-05-04", severity = "urgent" })));
        Assert.Contains("No system 'ghost' is registered", await RefusedAsync(HttpStatusCode.BadRequest, c => Open(c, new { title = "T", discovered = "2026-05-04", system = "ghost" })));
        Assert.Contains("version needs system", await RefusedAsync(HttpStatusCode.BadRequest, c => Open(c, new { title = "T", discovered = "2026-05-04", version = "1.0" })));
        Assert.Contains("never public", await RefusedAsync(HttpStatusCode.BadRequest, c => Open(c, new { title = "T", discovered = "2026-05-04", visibility = "public" })));
        Assert.Contains("peopleAffected", await RefusedAsync(HttpStatusCode.BadRequest, c => Open(c, new { title = "T", discovered = "2026-05-04", peopleAffected = -3 })));
        Assert.Contains("Unknown field 'titel'", await RefusedAsync(HttpStatusCode.BadRequest, c => Open(c, new { titel = "T", discovered = "2026-05-04" })));
        Assert.Contains("control character", await RefusedAsync(HttpStatusCode.BadRequest, c => Open(c, new { title = "T\u0007", discovered = "2026-05-04" })));
        await RefusedAsync(HttpStatusCode.RequestEntityTooLarge, c => Open(c, new { title = "T", discovered = "2026-05-04", description = new string('x', 70_000) }));
        await RefusedAsync(HttpStatusCode.UnsupportedMediaType, c => c.PostAsync("/api/v1/incidents", new StringContent("title=T", Encoding.UTF8, "text/plain")));
        Assert.Contains("not valid JSON", JsonDocument.Parse(await (await Factory.Admin().PostAsync("/api/v1/incidents", new StringContent("{\"title\":", Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());

        var id = Text(await OpenAsync(new { title = "T", discovered = "2026-05-04", regimes = new[] { "sb53" } }), "id");
        Assert.Contains("changes nothing", await RefusedAsync(HttpStatusCode.BadRequest, c => PatchAsync(c, id, new { title = "T" })));
        Assert.Contains("title cannot be cleared", await RefusedAsync(HttpStatusCode.BadRequest, c => PatchAsync(c, id, new { title = "" })));
        Assert.Contains("before the incident was discovered", await RefusedAsync(HttpStatusCode.BadRequest,
            c => c.PostAsJsonAsync($"/api/v1/incidents/{id}/resolution", new { resolvedAt = "2026-05-01" })));
        Assert.Contains("does not apply to", await RefusedAsync(HttpStatusCode.Conflict, c => c.PostAsJsonAsync($"/api/v1/incidents/{id}/submissions", new { regime = "raise" })));
        Assert.Contains("is not running", await RefusedAsync(HttpStatusCode.Conflict,
            c => c.PostAsJsonAsync($"/api/v1/incidents/{id}/submissions", new { regime = "sb53", obligation = "sb53/imminent-danger-disclosure" })));
        Assert.Contains("only a resolved incident", await RefusedAsync(HttpStatusCode.Conflict, c => c.PostAsJsonAsync($"/api/v1/incidents/{id}/reopening", new { reason = "x" })));
        Assert.Contains("No incident 'inc-9999'", await RefusedAsync(HttpStatusCode.NotFound, c => PatchAsync(c, "inc-9999", new { title = "X" })));
        Assert.Contains("No incident 'dec-1'", await RefusedAsync(HttpStatusCode.NotFound, c => c.GetAsync("/api/v1/incidents/dec-1")));
        await RefusedAsync(HttpStatusCode.BadRequest, c => c.GetAsync($"/api/v1/incidents/{id}/reports/sb53?format=pdf"));
        await RefusedAsync(HttpStatusCode.BadRequest, c => c.GetAsync("/api/v1/incidents?status=closed"));
        await RefusedAsync(HttpStatusCode.BadRequest, c => c.GetAsync("/api/v1/incidents?limit=abc"));

        // An auditor reads but records nothing.
        var auditor = Factory.CreateClient(await CreateUserAsync(Factory.Admin(), "aude", "auditor"));
        var size = TreeSize;
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/incidents", new { title = "T", discovered = "2026-05-04" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task Corrections_AreEntriesInTheHistory_AndMoveTheClocks()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        await RegisterSystemAsync("atlas", 2e26);
        var id = Text(await OpenAsync(new { title = "Unexpected replication attempt", discovered = "2026-05-04", regimes = new[] { "eu-ai-act-art73" } }), "id");

        var response = await PatchAsync(Factory.Admin(), id, new
        {
            category = "death", discovered = "2026-05-02", rootCause = "Reward hacking", system = "atlas", version = "1.0", note = "Investigation found an earlier report.",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = (await ReadJsonAsync(response)).GetProperty("incident");
        Assert.Equal("2026-05-12", Text(Deadlines(updated)["eu-ai-act-art73/report"], "dueDate"));  // death: 10 days from 2 May
        Assert.Equal(["eu-ai-act-art73", "gpai-cop", "sb53"], updated.GetProperty("regimes").EnumerateArray().Select(r => Text(r, "regime")).Order(StringComparer.Ordinal));
        var change = updated.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("updated", Text(change, "change"));
        Assert.Equal(["category", "discovered", "rootCause", "system", "version"], change.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("Investigation found an earlier report.", Text(change, "note"));

        // "" clears an optional field; a note alone records progress.
        var cleared = (await ReadJsonAsync(await PatchAsync(Factory.Admin(), id, new { rootCause = "" }))).GetProperty("incident");
        Assert.False(cleared.GetProperty("fields").TryGetProperty("rootCause", out var rc) && rc.ValueKind != JsonValueKind.Null);
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(Factory.Admin(), id, new { note = "Vendor contacted." })).StatusCode);

        await PostAsync(Factory.Admin(), $"/api/v1/incidents/{id}/resolution", new { resolution = "Fixed", rootCause = "Reward hacking in RL" });
        var reopened = (await PostAsync(Factory.Admin(), $"/api/v1/incidents/{id}/reopening", new { reason = "It happened again" })).GetProperty("incident");
        Assert.Equal("open", Text(reopened, "status"));
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("resolvedAt").ValueKind);
        Assert.Equal(["opened", "updated", "updated", "updated", "resolved", "reopened"],
            reopened.GetProperty("history").EnumerateArray().Select(h => Text(h, "change")));
        Assert.All(reopened.GetProperty("history").EnumerateArray(), h => Assert.Equal("admin", Text(h, "by")));
    }

    [Fact]
    public async Task ConfidentialIncidents_AreReadByOverseersAndTheirOpener_Only()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        var mia = Factory.CreateClient(await CreateUserAsync(Factory.Admin(), "mia", "member"));
        var max = Factory.CreateClient(await CreateUserAsync(Factory.Admin(), "max", "member"));
        var bo = Factory.CreateClient(await CreateUserAsync(Factory.Admin(), "bo", "board"));
        var secret = await OpenAsync(new { title = "Insider exfiltration", discovered = "2026-05-04", category = "cybersecurity", visibility = "confidential" }, mia);
        var id = Text(secret, "id");
        Assert.Equal("confidential", Text(secret, "visibility"));

        Assert.Equal(HttpStatusCode.OK, (await mia.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bo.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await max.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
        Assert.Empty((await ReadJsonAsync(await max.GetAsync("/api/v1/incidents"))).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await PatchAsync(max, id, new { note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await max.GetAsync($"/api/v1/incidents/{id}/reports/gpai-cop")).StatusCode);

        // Its changes keep its visibility: a member cannot read them in the log either.
        await PatchAsync(mia, id, new { severity = "critical" });
        var last = TreeSize - 1;
        Assert.Equal("confidential", Text((await ReadJsonAsync(await Factory.Admin().GetAsync($"/api/v1/log/entries/{last}"))).GetProperty("envelope"), "visibility"));
        Assert.Equal(HttpStatusCode.Forbidden, (await max.GetAsync($"/api/v1/log/entries/{last}")).StatusCode);
    }

    [Fact]
    public async Task ReportDrafts_PerRegime_InJsonAndMarkdown_WithRequiredFieldsAndMissingOnes()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        await RegisterSystemAsync("atlas", 2e26);
        var incident = await OpenAsync(new
        {
            title = "Model evaded monitoring", discovered = "2026-05-04", system = "atlas", version = "1.0", regimes = new[] { "eu-ai-act-art73" },
            description = "The model disabled its own logging during an agentic eval.", whyReportable = "A model used deception to subvert its developer's controls.",
        });
        var id = Text(incident, "id");
        Assert.Equal(["eu-ai-act-art73", "gpai-cop", "sb53"], incident.GetProperty("regimes").EnumerateArray().Select(r => Text(r, "regime")).Order(StringComparer.Ordinal));

        var json = await Factory.Admin().GetAsync($"/api/v1/incidents/{id}/reports/sb53");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{id}-sb53-initial.json", json.Content.Headers.ContentDisposition?.ToString());
        var sb53 = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("vigie-incident-report-draft/v1", Text(sb53, "format"));
        Assert.Equal("sb53/oes-report", Text(sb53, "obligation"));
        Assert.Equal("California Office of Emergency Services", Text(sb53, "recipient"));
        Assert.Equal("2026-05-19 (end of day, UTC)", Text(sb53, "due"));
        Assert.Contains("§22757.13", Text(sb53, "legalBasis"));
        var fields = sb53.GetProperty("fields").EnumerateArray().ToDictionary(f => Text(f, "key"));
        Assert.Equal("atlas@1.0", Text(fields["model"], "value"));
        Assert.Equal("2026-05-04", Text(fields["incidentDate"], "value"));
        Assert.Equal("A model used deception to subvert its developer's controls.", Text(fields["whyReportable"], "value"));
        Assert.Equal(["internalUse"], sb53.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));

        var cop = JsonDocument.Parse(await Factory.Admin().GetStringAsync($"/api/v1/incidents/{id}/reports/gpai-cop")).RootElement;
        Assert.Equal(["occurredOn", "harm", "affected", "chainOfEvents", "response"], cop.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("The AI Office (and national competent authorities where appropriate)", Text(cop, "recipient"));

        var markdown = await Factory.Admin().GetAsync($"/api/v1/incidents/{id}/reports/eu-ai-act-art73?format=markdown");
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        var md = await markdown.Content.ReadAsStringAsync();
        Assert.StartsWith($"# Initial report — {id}: Model evaded monitoring", md);
        Assert.Contains("- **Legal basis:** Regulation (EU) 2024/1689 (AI Act), Art. 73(2)", md);
        Assert.Contains("- **Due:** 2026-05-19 (end of day, UTC) (due)", md);
        Assert.Contains("## AI system and version\n\natlas@1.0", md);
        Assert.Contains("## Harm caused\n\n_Missing: required._", md);
        Assert.Contains($"vigie incidents submit {id} --regime eu-ai-act-art73", md);

        // A submission keeps the draft as it stood (documentation), with its digest.
        var submitted = await PostAsync(Factory.Admin(), $"/api/v1/incidents/{id}/submissions",
            new { regime = "sb53", reference = "OES-2026-19", recipient = "Cal OES portal", sentText = "The report as sent." });
        var submission = submitted.GetProperty("incident").GetProperty("submissions")[0];
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("The report as sent."))), Text(submission, "reportSha256"));
        var next = JsonDocument.Parse(await Factory.Admin().GetStringAsync($"/api/v1/incidents/{id}/reports/sb53")).RootElement;
        Assert.Equal("OES-2026-19", Text(next.GetProperty("previousReports")[0], "reference"));
    }

    [Fact]
    public async Task RebuildProjections_GivesTheSameIncidents()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        var id = Text(await OpenAsync(Full), "id");
        await PatchAsync(Factory.Admin(), id, new { severity = "high", note = "Downgraded after review" });
        await PostAsync(Factory.Admin(), $"/api/v1/incidents/{id}/submissions", new { regime = "gpai-cop", reference = "AIO-1" });
        await PostAsync(Factory.Admin(), $"/api/v1/incidents/{id}/resolution", new { resolution = "Permissions fixed" });
        await OpenAsync(new { title = "Second", discovered = "2026-05-05", visibility = "confidential", category = "near-miss" });

        var before = await DumpProjectionsAsync();
        await Factory.Service<ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        var after = await DumpProjectionsAsync();
        Assert.Contains("Permissions fixed", before);
        Assert.Contains("AIO-1", before);
        Assert.Equal(before, after);
    }
}

public sealed class IncidentRegisterTestsOnSqlite : IncidentRegisterTests
{
    protected override bool UsePostgres => false;
}

public sealed class IncidentRegisterTestsOnPostgres : IncidentRegisterTests
{
    protected override bool UsePostgres => true;
}
