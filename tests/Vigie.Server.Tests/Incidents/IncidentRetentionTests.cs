using System.Net;
using Dapper;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Incidents;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;
using Xunit;

namespace Vigie.Server.Tests.Incidents;

/// <summary>
/// Retention on a fake clock: a resolved incident's record expires 5 years after resolution, a
/// report sent 10 years after it was sent; expiry deletes bodies (salt and body rows), never log
/// entries, and the log still verifies afterwards.
/// </summary>
public abstract class IncidentRetentionTests : IncidentTest
{
    [Fact]
    public async Task RecordExpiresFiveYearsAfterResolution_DocumentationAfterTen_AndTheLogStillVerifies()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        var id = Text(await OpenAsync(new { title = "Weights exfiltrated", discovered = "2026-05-04", category = "cybersecurity", regimes = new[] { "gpai-cop" } }), "id");
        await PatchAsync(Factory.Admin(), id, new { harm = "Model weights copied to an unknown host" });
        await PostAsync(Factory.Admin(), $"/api/v1/incidents/{id}/submissions", new { regime = "gpai-cop", reference = "AIO-7", sentText = "Initial report" });
        Clock.SetUtcNow(new DateTimeOffset(2026, 6, 2, 10, 0, 0, TimeSpan.Zero));
        await PostAsync(Factory.Admin(), $"/api/v1/incidents/{id}/resolution", new { resolvedAt = "2026-06-01" });
        var stillOpen = Text(await OpenAsync(new { title = "Still under investigation", discovered = "2026-06-02", regimes = new[] { "sb53" } }), "id");
        var detail = await DetailAsync(id);
        var record = detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("index").GetInt64()).ToList();
        var report = detail.GetProperty("submissions")[0].GetProperty("index").GetInt64();
        Assert.Equal(3, record.Count);

        var retention = Factory.Service<IncidentRetention>();
        Clock.SetUtcNow(new DateTimeOffset(2031, 5, 31, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await retention.RunOnceAsync(CancellationToken.None));

        Clock.SetUtcNow(new DateTimeOffset(2031, 6, 1, 0, 30, 0, TimeSpan.Zero));
        var entries = TreeSize;
        Assert.Equal(1, await retention.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await retention.RunOnceAsync(CancellationToken.None));
        Assert.Equal(entries + 1, TreeSize);   // one public expiry entry; nothing removed

        // The expiry is public and says what was erased and why.
        var expiry = await ReadJsonAsync(await Factory.CreateClient().GetAsync($"/api/v1/log/entries/{entries}"));
        var body = expiry.GetProperty("envelope").GetProperty("body");
        Assert.Equal("incident.expired/v1", Text(expiry.GetProperty("envelope"), "kind"));
        Assert.Equal(id, Text(body, "incident"));
        Assert.Equal("record", Text(body, "part"));
        Assert.Equal(record, body.GetProperty("erased").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Contains("kept 5 years after the incident was resolved", Text(body, "rule"));

        // The bodies are gone, the entries stay; the open incident and the report sent are kept.
        Assert.Equal(0, await SealedCountAsync(record));
        Assert.Equal(1, await SealedCountAsync([report]));
        foreach (var index in record)
        {
            var erased = await ReadJsonAsync(await Factory.Admin().GetAsync($"/api/v1/log/entries/{index}"));
            Assert.True(erased.GetProperty("sealedBody").GetProperty("erased").GetBoolean());
        }

        var gone = await Factory.Admin().GetAsync($"/api/v1/incidents/{id}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("expired on 2031-06-01", await gone.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Factory.Admin().GetAsync($"/api/v1/incidents/{stillOpen}")).StatusCode);
        var documentation = await ReadJsonAsync(await Factory.Admin().GetAsync($"/api/v1/incidents/{id}/submissions"));
        Assert.Equal("AIO-7", Text(Assert.Single(documentation.EnumerateArray()).GetProperty("submission"), "reference"));
        await AssertLogVerifiesAsync();

        // Reports sent are kept 10 years after sending (7 May 2026 → 8 May 2036 UTC).
        Clock.SetUtcNow(new DateTimeOffset(2036, 5, 8, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await retention.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await SealedCountAsync([report]));
        Assert.Empty((await ReadJsonAsync(await Factory.Admin().GetAsync($"/api/v1/incidents/{id}/submissions"))).EnumerateArray());
        await AssertLogVerifiesAsync();

        // A replay of the log gives the same tables, and a restart (which checks the log against its signed checkpoint) succeeds.
        var before = await DumpProjectionsAsync();
        await Factory.Service<ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        Assert.Equal(before, await DumpProjectionsAsync());
        await RestartAsync(Clock);
        Assert.Equal(HttpStatusCode.Gone, (await Factory.Admin().GetAsync($"/api/v1/incidents/{id}")).StatusCode);
    }

    [Fact]
    public async Task ARecordChangedSinceTheCheck_IsNotExpired_UntilTheNextCheck()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero), recordYears: 1);
        var id = Text(await OpenAsync(new { title = "T", discovered = "2026-05-04" }), "id");
        await PostAsync(Factory.Admin(), $"/api/v1/incidents/{id}/resolution", new { });
        IncidentIds.TryParse(id, out var index);

        // An expiry that leaves out one of the record's entries is refused: nothing is erased.
        var size = TreeSize;
        var partial = new IncidentEntries.ExpiredBody(id, "record", [index], "2027-05-06", "test");
        var refused = await Factory.Service<Ledger.Ledger>().AppendAsync(new LedgerWrite(IncidentEntries.Expired, null, Visibility.Public, BodyJson.ToElement(partial)));
        Assert.Contains("changed since its expiry was prepared", refused.Conflict);
        Assert.Equal(size, TreeSize);
        Assert.Equal(1, await SealedCountAsync([index]));

        // Nor may an expiry reach entries that are not the incident's.
        var other = new IncidentEntries.ExpiredBody(id, "documentation", [0], "2027-05-06", "test");
        Assert.Contains("not incident documentation entries",
            (await Factory.Service<Ledger.Ledger>().AppendAsync(new LedgerWrite(IncidentEntries.Expired, null, Visibility.Public, BodyJson.ToElement(other)))).Conflict);

        Clock.SetUtcNow(new DateTimeOffset(2027, 5, 6, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await Factory.Service<IncidentRetention>().RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheBackgroundCheck_RunsOnTheInjectedClock()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero), retentionInBackground: true);
        var id = Text(await OpenAsync(new { title = "T", discovered = "2026-05-04" }), "id");
        await PostAsync(Factory.Admin(), $"/api/v1/incidents/{id}/resolution", new { });
        Clock.Advance(TimeSpan.FromDays(5 * 366));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await Factory.Admin().GetAsync($"/api/v1/incidents/{id}")).StatusCode != HttpStatusCode.Gone)
        {
            Assert.True(DateTime.UtcNow < deadline, "The background retention check did not expire the record after the fake clock moved.");
            await Task.Delay(50);
        }
    }

    private async Task<long> SealedCountAsync(IReadOnlyList<long> indexes)
    {
        await using var c = await Factory.Service<Database>().OpenAsync();
        var count = 0L;
        foreach (var index in indexes)
        {
            count += await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM log_sealed_bodies WHERE idx = @index", new { index });
        }

        return count;
    }

    /// <summary>
    /// What a verifier does: recompute every leaf from the stored envelopes, the root from the
    /// leaves, and check it against the signed checkpoint; every sealed body left must still open
    /// its entry's commitment.
    /// </summary>
    private async Task AssertLogVerifiesAsync()
    {
        var client = Factory.CreateClient();
        var checkpoint = await CheckpointCoveringAsync(client, TreeSize, TimeSpan.FromSeconds(5));
        var store = Factory.Service<LedgerStore>();
        await using var c = await store.Database.OpenAsync();
        var tree = new MerkleTree();
        await foreach (var (envelope, _) in store.ReadEntriesAsync(c, null, 0, checkpoint.Size))
        {
            tree.Append(MerkleHash.Leaf(envelope));
        }

        Assert.Equal(checkpoint.RootHash, tree.RootHash(checkpoint.Size));
        foreach (var (idx, salt, sealedBody) in await c.QueryAsync<(long, byte[], byte[])>("SELECT idx, salt, body FROM log_sealed_bodies"))
        {
            Assert.True(Envelope.TryParse(await store.ReadEnvelopeAsync(idx, CancellationToken.None), out var envelope, out _));
            Assert.True(Commitment.Matches(envelope!, new SealedBody(salt, sealedBody)), $"The sealed body of entry {idx} no longer opens its commitment.");
        }
    }
}

public sealed class IncidentRetentionTestsOnSqlite : IncidentRetentionTests
{
    protected override bool UsePostgres => false;
}

public sealed class IncidentRetentionTestsOnPostgres : IncidentRetentionTests
{
    protected override bool UsePostgres => true;
}
