using Microsoft.AspNetCore.Hosting;
using Vigie.Core.Ledger;
using Vigie.Core.Witnesses;
using Vigie.Server.Tests.Infrastructure;
using Vigie.Server.Tests.Interop;
using Xunit;

namespace Vigie.Server.Tests.Witnesses;

/// <summary>
/// The log asks its configured witnesses to cosign each checkpoint (C2SP tlog-witness) and serves
/// their cosignatures on /log/checkpoint; Go's note package, with a cosignature verifier written
/// from the spec, checks them (tests/go-tlog-client).
/// </summary>
public abstract class WitnessTests : ServerTest
{
    private const string Origin = "test.vigie.example/log";

    private string? socketUrl;

    private async Task<TestWitness> StartWithWitnessAsync(string? configuredKey = null, bool realSocket = false)
    {
        var witness = new TestWitness("witness.test/w1", await LogKeyAsync(Factory.Admin()));
        void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder b)
        {
            b.UseSetting("Vigie:Witnesses:0:Url", witness.Url);
            b.UseSetting("Vigie:Witnesses:0:Key", configuredKey ?? witness.Key);
        }

        if (realSocket)
        {
            socketUrl = await RestartOnLoopbackAsync(Configure);
        }
        else
        {
            await RestartAsync(configure: Configure);
        }

        return witness;
    }

    private HttpClient Client(string? token = null)
    {
        if (socketUrl is null)
        {
            return Factory.CreateClient(token);
        }

        var client = new HttpClient { BaseAddress = new Uri(socketUrl) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Waits for /log/checkpoint to cover <paramref name="size"/> with the witness's cosignature on it.</summary>
    private async Task<(string Note, WitnessCheckResult Result)> CosignedAsync(TestWitness witness, long size)
    {
        var client = Client();
        var key = await LogKeyAsync(client);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var note = await client.GetStringAsync("/log/checkpoint");
            Assert.True(SignedNote.TryOpen(note, [key], out var opened, out var error), error);
            Assert.True(Checkpoint.TryParse(opened!.Text, out var checkpoint, out _));
            var result = WitnessQuorum.Check(opened.Text, opened.Unverified, [witness.Cosigner.Verifier], 1);
            Assert.Null(result.Error);
            if (checkpoint!.Size >= size && result.Satisfied)
            {
                return (note, result);
            }

            Assert.True(DateTime.UtcNow < deadline, $"No cosigned checkpoint covered {size} in time; the newest is {checkpoint.Size}: {note}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Checkpoint_CarriesTheWitnessCosignature_WhichGoVerifies()
    {
        await using var witness = await StartWithWitnessAsync(realSocket: true);
        await RecordEvidenceAsync(Client(Factory.AdminToken), RandomSha256());
        var (note, result) = await CosignedAsync(witness, TreeSize);
        Assert.Equal("witness.test/w1", Assert.Single(result.Cosigned).Name);
        Assert.Equal(TreeSize, witness.HeldSize(Origin));

        var api = await ReadJsonAsync(await Client().GetAsync("/api/v1/log/checkpoint"));
        Assert.Equal("witness.test/w1", api.GetProperty("cosignatures")[0].GetProperty("witness").GetString());
        Assert.EndsWith(result.Cosigned[0].ToLine(), api.GetProperty("note").GetString());

        var logKey = (await LogKeyAsync(Client())).VerifierKey;
        var (exit, output) = await GoTlogClient.RunAsync("-url", socketUrl!, "-key", logKey, "-witness", witness.Key);
        Assert.True(exit == 0, output);
        Assert.Contains("cosigned by witness witness.test/w1", output);

        var stranger = Cosigner.Generate("witness.test/w1").Verifier.VerifierKey;
        var (strangerExit, strangerOutput) = await GoTlogClient.RunAsync("-url", socketUrl!, "-key", logKey, "-witness", stranger);
        Assert.Equal(1, strangerExit);
        Assert.Contains("no cosignature by witness", strangerOutput);
        Assert.Contains(note.Split('\n')[0], Origin);
    }

    [Fact]
    public async Task AWitnessThatLostItsState_AnswersItsSize_AndTheLogStartsItOverWithProofsAfterARestart()
    {
        await using var witness = await StartWithWitnessAsync();
        var admin = Factory.Admin();
        await RecordEvidenceAsync(admin, RandomSha256());
        await CosignedAsync(witness, TreeSize);

        witness.Forget(Origin);
        await RecordEvidenceAsync(admin, RandomSha256());
        await CosignedAsync(witness, TreeSize);
        Assert.Contains(409, witness.Statuses);

        // After a restart the log starts from the size it stored a cosignature for: a real consistency proof.
        await RestartAsync(configure: b =>
        {
            b.UseSetting("Vigie:Witnesses:0:Url", witness.Url);
            b.UseSetting("Vigie:Witnesses:0:Key", witness.Key);
        });
        var before = TreeSize;
        await RecordEvidenceAsync(Factory.Admin(), RandomSha256());
        await RecordEvidenceAsync(Factory.Admin(), RandomSha256());
        await CosignedAsync(witness, before + 2);
        Assert.Equal(TreeSize, witness.HeldSize(Origin));
        Assert.DoesNotContain(422, witness.Statuses);
    }

    [Fact]
    public async Task ACosignatureByAnotherKey_IsNotServed_ButTheCheckpointStillIs()
    {
        var wrongKey = Cosigner.Generate("witness.test/w1").Verifier.VerifierKey;
        await using var witness = await StartWithWitnessAsync(configuredKey: wrongKey);
        await RecordEvidenceAsync(Factory.Admin(), RandomSha256());
        var size = TreeSize;
        var checkpoint = await CheckpointCoveringAsync(Factory.CreateClient(), size, TimeSpan.FromSeconds(10));
        Assert.Equal(size, checkpoint.Size);
        var note = await Factory.CreateClient().GetStringAsync("/log/checkpoint");
        Assert.DoesNotContain("witness.test/w1", note);
        Assert.Contains(200, witness.Statuses); // the witness did cosign; the log refused to serve what it cannot verify
    }

    [Fact]
    public async Task AMisconfiguredWitness_StopsTheStart_SayingWhich()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RestartAsync(configure: b =>
        {
            b.UseSetting("Vigie:Witnesses:0:Url", "ftp://witness.example/");
            b.UseSetting("Vigie:Witnesses:0:Key", Cosigner.Generate("w").Verifier.VerifierKey);
        }));
        Assert.Contains("Vigie:Witnesses:0:Url", error.ToString());
    }
}

public sealed class WitnessTestsOnSqlite : WitnessTests
{
    protected override bool UsePostgres => false;
}

public sealed class WitnessTestsOnPostgres : WitnessTests
{
    protected override bool UsePostgres => true;
}
