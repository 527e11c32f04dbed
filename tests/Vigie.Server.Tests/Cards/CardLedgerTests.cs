using System.Text;
using Dapper;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Cards;
using Vigie.Server.Features.Registry;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Cards;

public abstract class CardLedgerTests : ServerTest
{
    [Fact]
    public async Task MaterialRevisions_ChangeTheEvidenceSnapshot_EditorialOnesDoNot()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        var notified = new List<string>();
        Factory.Service<EvidenceSnapshots>().Changed += (s, v) => { lock (notified) { notified.Add($"{s}@{v}"); } };
        var snapshots = Factory.Service<EvidenceSnapshots>();

        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"summary":"An asistant."}}""", 0);
        var first = await snapshots.TakeAsync("atlas", "1.0", CancellationToken.None);
        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"summary":"An assistant."}}""", 1, material: false);
        var afterEditorial = await snapshots.TakeAsync("atlas", "1.0", CancellationToken.None);
        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"summary":"An assistant."},"risk":{"safetyRiskAssessment":"high"}}""", 2);
        var afterMaterial = await snapshots.TakeAsync("atlas", "1.0", CancellationToken.None);

        var item = Assert.Single(first.Items);
        Assert.Equal(("card", "card-r1"), (item.Kind, item.Id));
        var revision1 = await Factory.Service<CardQueries>().RevisionAsync("atlas", "1.0", 1, true, CancellationToken.None);
        Assert.Equal(revision1!.CardSha256, item.Sha256);
        Assert.Equal(revision1.LogIndex, item.LogIndex);
        Assert.Equal(first.Digest, afterEditorial.Digest);
        Assert.Equal("card-r3", Assert.Single(afterMaterial.Items).Id);
        Assert.NotEqual(first.Digest, afterMaterial.Digest);
        Assert.Equal(["atlas@1.0", "atlas@1.0", "atlas@1.0"], notified);
    }

    [Fact]
    public async Task ARevisionThatIsNotTheNext_IsRefusedByTheProjection_EvenPastTheEndpoint()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        var ledger = Factory.Service<Ledger.Ledger>();
        LedgerWrite Revision(int n, string name) => new(CardEntries.Revised, "admin", Visibility.Public, BodyJson.ToElement(new CardEntries.RevisedBody(
            "atlas", "1.0", n, true, null, System.Text.Json.JsonSerializer.SerializeToElement(new { model = new { name } }), "0", null, null, null)));

        var results = await Task.WhenAll(ledger.AppendAsync(Revision(1, "a")), ledger.AppendAsync(Revision(1, "b")));

        Assert.Single(results, r => r.Succeeded);
        Assert.Contains("is at revision 1, not 0", Assert.Single(results, r => !r.Succeeded).Conflict);
        Assert.False((await ledger.AppendAsync(Revision(3, "c"))).Succeeded);
    }

    [Fact]
    public async Task RebuildProjections_GivesIdenticalCardRevisions()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        await CardApi.RegisterAsync(admin, "secret", "0.1", visibility: "internal");
        await CardApi.ImportAsync(admin, "atlas", "1.0", CardApi.Readme, "baseRevision=0");
        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"name":"Atlas"}}""", 1, material: false, note: "Rename");
        await CardApi.PutAsync(admin, "secret", "0.1", """{"risk":{"safetyRiskAssessment":"serious"}}""", 0);

        var before = await DumpAsync();
        await Factory.Service<ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        var after = await DumpAsync();

        Assert.Contains("serious", before, StringComparison.Ordinal);
        Assert.Contains("Rename", before, StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    private async Task<string> DumpAsync()
    {
        await using var connection = await Factory.Service<Database>().OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync(
            "SELECT system, version, revision, material, note, card_json, card_sha256, diff_json, diff_values_omitted, source_json, visibility, log_index, revised_at, revised_by FROM card_revisions ORDER BY log_index");
        var text = new StringBuilder();
        foreach (IDictionary<string, object?> row in rows)
        {
            text.AppendLine(string.Join(" | ", row.Select(p => $"{p.Key}={p.Value}")));
        }

        return text.ToString();
    }
}

public sealed class CardLedgerTestsOnSqlite : CardLedgerTests
{
    protected override bool UsePostgres => false;
}

public sealed class CardLedgerTestsOnPostgres : CardLedgerTests
{
    protected override bool UsePostgres => true;
}
