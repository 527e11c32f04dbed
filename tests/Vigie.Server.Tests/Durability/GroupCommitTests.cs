using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Xunit;

namespace Vigie.Server.Tests.Durability;

/// <summary>
/// "Appends are group-committed: concurrent writers share one durable transaction." Sharing a
/// transaction must not make writers share each other's fate: a client that gives up on its own
/// request (a timeout, a closed tab) may lose its entry, never the entries of the others.
/// </summary>
public abstract class GroupCommitTests : DurabilityTest
{
    [Fact]
    public Task AbandonedRequests_DoNotFailTheOtherWritersInTheirGroupCommit() => WithServerOutputAsync(async () =>
    {
        var server = await StartServerAsync("server");
        var token = server.AdminToken;
        using var steady = server.CreateClient(token);
        using var impatient = server.CreateClient(token);
        var writers = new EvidenceWriters();
        using var stop = new CancellationTokenSource();
        var random = new Random(UsePostgres ? 33 : 34);
        var delays = new ConcurrentQueue<int>(Enumerable.Range(0, 100_000).Select(_ => random.Next(1, 5)));
        var abandoned = 0;

        // Impatient clients give up on their request after 1-4 ms, while it is queued or being committed.
        var giving = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                delays.TryDequeue(out var delay);
                using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(delay));
                var sha = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
                try
                {
                    using var response = await impatient.PostAsJsonAsync(
                        "/api/v1/evidence", new { sha256 = sha, name = "impatient.bin", visibility = "public" }, cancel.Token);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref abandoned);
                }
            }
        })));

        await writers.RunAsync(server, steady, 12, 60, CancellationToken.None);
        await stop.CancelAsync();
        await giving;

        Assert.True(abandoned > 0, "No request was abandoned; the test proves nothing.");
        Assert.True(writers.Unexpected.IsEmpty,
            $"{writers.Unexpected.Count} of the {writers.Attempted.Count} requests the steady writers sent failed while {abandoned} other requests were abandoned:\n" +
            string.Join("\n", writers.Unexpected.Take(10)));
        Assert.Equal(12 * 60, writers.Acked.Count);
    });
}

public sealed class GroupCommitTestsOnSqlite : GroupCommitTests
{
    protected override bool UsePostgres => false;
}

public sealed class GroupCommitTestsOnPostgres : GroupCommitTests
{
    protected override bool UsePostgres => true;
}
