using System.Text;
using Dapper;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Storage;

public abstract class LedgerStorageTests : ServerTest
{
    [Fact]
    public async Task RebuildProjections_FromTheLog_GivesIdenticalState()
    {
        var admin = Factory.Admin();
        await CreateUserAsync(admin, "uma", "member", "board");
        var created = await ReadJsonAsync(await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(
            admin, "/api/v1/users", new { name = "vic", roles = new[] { "executive" } }));
        await admin.DeleteAsync($"/api/v1/users/vic/tokens/{created.GetProperty("tokenId").GetString()}");
        for (var i = 0; i < 20; i++)
        {
            await RecordEvidenceAsync(admin, RandomSha256(), visibility: i % 2 == 0 ? "public" : "internal");
        }

        var before = await DumpProjectionsAsync();
        var replayed = await Factory.Service<ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        var after = await DumpProjectionsAsync();

        Assert.Equal(TreeSize, replayed);
        Assert.Contains("evidence", before);
        Assert.Contains("vic", before);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Restart_KeepsTheSameTree_AndDoesNotSignAContradiction()
    {
        var admin = Factory.Admin();
        for (var i = 0; i < 10; i++)
        {
            await RecordEvidenceAsync(admin, RandomSha256());
        }

        var before = await CheckpointCoveringAsync(admin, 12);
        await RestartAsync();
        var client = Factory.CreateClient();
        var after = await CheckpointCoveringAsync(client, 12);
        Assert.Equal(before.Size, after.Size);
        Assert.Equal(before.RootHash, after.RootHash);

        // and the admin token still works: users came back from the store
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Factory.Admin().GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task RewrittenHistory_IsDetectedAtStart_AndTheServerRefusesToRun()
    {
        // A careful tamperer rewrites an entry and its stored leaf hash together: only the signed checkpoint catches it.
        var error = await TamperAndRestartAsync(rehash: true);
        Assert.Contains("does not match its last signed checkpoint", error);
    }

    [Fact]
    public async Task EditedEntry_IsDetectedAtStart_ByItsLeafHash()
    {
        var error = await TamperAndRestartAsync(rehash: false);
        Assert.Contains("Log entry 2 was altered", error);
    }

    private async Task<string> TamperAndRestartAsync(bool rehash)
    {
        var admin = Factory.Admin();
        await RecordEvidenceAsync(admin, RandomSha256(), name: "original.bin");
        await CheckpointCoveringAsync(admin, 3);
        await Factory.DisposeAsync();

        await using (var database = Store.Postgres is null
            ? Database.ForSqlite(Path.Combine(Store.DataDirectory, "vigie.db"))
            : Database.ForPostgres(Store.Postgres))
        await using (var c = await database.OpenAsync())
        {
            var envelope = await c.ExecuteScalarAsync<byte[]>("SELECT envelope FROM log_entries WHERE idx = 2");
            var forged = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(envelope!).Replace("original.bin", "replaced.bin", StringComparison.Ordinal));
            Assert.NotEqual(envelope, forged);
            await c.ExecuteAsync("UPDATE log_entries SET envelope = @e WHERE idx = 2", new { e = forged });
            if (rehash)
            {
                await c.ExecuteAsync("UPDATE log_entries SET leaf_hash = @h WHERE idx = 2", new { h = Vigie.Core.Ledger.MerkleHash.Leaf(forged) });
            }
        }

        var restarted = new VigieFactory(Store);
        var error = Assert.ThrowsAny<Exception>(() => restarted.Server);
        await restarted.DisposeAsync();
        return Flatten(error);
    }

    [Fact]
    public async Task ChangedOrigin_IsRefusedAtStart()
    {
        await Factory.DisposeAsync();
        var restarted = new VigieFactory(Store, origin: "another.example/log");
        var error = Assert.ThrowsAny<Exception>(() => restarted.Server);
        Assert.Contains("origin", Flatten(error));
        await restarted.DisposeAsync();
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}

public sealed class LedgerStorageTestsOnSqlite : LedgerStorageTests
{
    protected override bool UsePostgres => false;
}

public sealed class LedgerStorageTestsOnPostgres : LedgerStorageTests
{
    protected override bool UsePostgres => true;
}
