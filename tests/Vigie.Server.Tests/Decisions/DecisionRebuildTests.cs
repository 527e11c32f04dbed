using System.Net;
using Vigie.Server.Ledger;
using Xunit;

namespace Vigie.Server.Tests.Decisions;

/// <summary>The decision tables hold nothing the log does not: a rebuild replays the same verdicts.</summary>
public abstract class DecisionRebuildTests : DecisionTest
{
    [Fact]
    public async Task RebuildProjections_AfterEveryKindOfStep_GivesIdenticalState()
    {
        await SetUpAsync();
        var approved = await OpenAsync();
        await PostAsync(Person("ada"), $"/api/v1/decisions/{approved}/recusal", new { reason = "I trained atlas." }, HttpStatusCode.Created);
        await SignOkAsync(approved, "bea");
        await RecordAboutVersionAsync("late-eval.json");
        await WaitForAsync(async () => (await GetAsync(approved)).GetProperty("signOffs")[0].GetProperty("stale").GetBoolean(), "the sign-off to go stale");
        await SignOkAsync(approved, "bea");
        await SignOkAsync(approved, "cal");
        await SignOkAsync(approved, "eve");
        await PostAsync(Person("max"), $"/api/v1/decisions/{approved}/dissent",
            new { statement = "Not the customer we should start with.", confidentialReason = "Names a customer." }, HttpStatusCode.Created);
        await PostAsync(Person("bo"), $"/api/v1/decisions/{approved}/reversal", new { reason = "Reconsidered." }, HttpStatusCode.Created);
        var rejected = await OpenAsync("train", visibility: "internal");
        await SignOkAsync(rejected, "ada", "reject");
        await SignOkAsync(rejected, "bea", "reject");
        await SignOkAsync(rejected, "eve", "reject");
        var change = await PostAsync(Person("olga"), "/api/v1/decisions", new
        {
            type = "charter-change", title = "v2", proposedCharter = Preset("preparedness-style.yaml").Replace("version: 1\n", "version: 2\n", StringComparison.Ordinal),
        }, HttpStatusCode.Created);
        foreach (var who in new[] { "eve", "bo", "bob" })
        {
            await SignOkAsync(change.GetProperty("id").GetString()!, who);
        }

        var before = await DumpProjectionsAsync();
        var replayed = await Factory.Service<ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        var after = await DumpProjectionsAsync();

        Assert.Equal(TreeSize, replayed);
        Assert.Contains("status=reversed", before);
        Assert.Contains("status=rejected", before);
        Assert.Contains("Not the customer we should start with.", before);
        Assert.Contains("decision=" + change.GetProperty("id").GetString(), before);
        Assert.Equal(before, after);
    }
}

public sealed class DecisionRebuildTestsOnSqlite : DecisionRebuildTests
{
    protected override bool UsePostgres => false;
}

public sealed class DecisionRebuildTestsOnPostgres : DecisionRebuildTests
{
    protected override bool UsePostgres => true;
}
