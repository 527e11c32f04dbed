using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Vigie.Core.Ledger;
using Vigie.Core.Witnesses;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Witnesses;

/// <summary>
/// The log's side of C2SP tlog-witness: sends a checkpoint with a consistency proof from the
/// size the witness last cosigned, learns that size from a 409 when it was wrong, and keeps only
/// a cosignature that verifies with the witness's configured key over this exact checkpoint.
/// </summary>
public sealed class WitnessClient(Ledger.Ledger ledger, WitnessStore store, WitnessRegistry registry, ILogger<WitnessClient> logger) : IDisposable
{
    private const int Attempts = 3;
    private readonly ConcurrentDictionary<string, long> known = new();
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = registry.Timeout,
    };

    /// <summary>The cosignature of <paramref name="witness"/> on <paramref name="checkpoint"/>, or null (the reason is logged).</summary>
    public async Task<Cosignature?> SubmitAsync(ConfiguredWitness witness, SignedCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var old = known.TryGetValue(witness.Name, out var k) ? k : await store.LastSizeAsync(witness.Name, cancellationToken);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (old > checkpoint.Size)
            {
                logger.LogWarning("Witness {Witness} holds size {Size}, larger than checkpoint {Checkpoint}; a newer checkpoint will be sent", witness.Name, old, checkpoint.Size);
                return null;
            }

            var proof = old == 0 || old == checkpoint.Size ? [] : ledger.Tree.ConsistencyProof(old, checkpoint.Size);
            var body = new AddCheckpointRequest(old, proof, checkpoint.Note).ToBody();
            HttpResponseMessage response;
            string text;
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "text/plain");
                response = await http.PostAsync(witness.AddCheckpoint, content, cancellationToken);
                text = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Witness {Witness} at {Url} did not answer: {Reason}", witness.Name, witness.AddCheckpoint, e.Message);
                return null;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.Conflict && long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var held))
                {
                    if (held == old)
                    {
                        logger.LogError("Witness {Witness} refuses checkpoint {Size}: it cosigned a different tree at size {Held}. The log presented two histories", witness.Name, checkpoint.Size, held);
                        return null;
                    }

                    known[witness.Name] = old = held;
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    logger.LogWarning("Witness {Witness} answered {Status} to checkpoint {Size}: {Body}", witness.Name, (int)response.StatusCode, checkpoint.Size, Shorten(text));
                    return null;
                }
            }

            var cosignature = Verified(witness, checkpoint, text);
            if (cosignature is null)
            {
                logger.LogError("Witness {Witness} answered checkpoint {Size} without a cosignature that verifies with its configured key", witness.Name, checkpoint.Size);
                return null;
            }

            known[witness.Name] = checkpoint.Size;
            await store.SaveAsync(checkpoint.Size, cosignature, cancellationToken);
            return cosignature;
        }

        return null;
    }

    /// <summary>tlog-witness: "The client MUST ignore any cosignatures from unknown keys"; only a line by this witness's key that verifies is kept.</summary>
    private static Cosignature? Verified(ConfiguredWitness witness, SignedCheckpoint checkpoint, string response)
    {
        var text = checkpoint.Note[..(checkpoint.Note.LastIndexOf("\n\n", StringComparison.Ordinal) + 1)];
        foreach (var line in response.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(SignedNote.MaxSignatures))
        {
            if (Cosignature.TryParseLine(line, out var cosignature, out _)
                && cosignature!.Name == witness.Name && cosignature.KeyId == witness.Key.KeyId
                && witness.Key.Verify(cosignature, text).IsValid)
            {
                return cosignature;
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text.Trim() : text[..300] + "…";

    public void Dispose() => http.Dispose();
}
