using System.Globalization;
using System.Net;
using System.Text;
using Vigie.Core.Ledger;
using Vigie.Core.Witnesses;

namespace Vigie.Cli.Witness;

/// <summary>
/// A minimal C2SP tlog-witness over HTTP: <c>POST /add-checkpoint</c> checks the checkpoint against
/// the state (one request at a time, so checking and persisting are atomic, as the spec requires),
/// persists it, and answers the cosignature line. <c>GET /</c> tells a person what it witnesses.
/// </summary>
internal sealed class WitnessHost(Cosigner cosigner, IReadOnlyDictionary<string, IReadOnlyList<NoteVerifier>> logs, WitnessStateFile state, TimeProvider time, TextWriter log)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task RunAsync(HttpListener listener, CancellationToken cancellationToken)
    {
        using var stop = cancellationToken.Register(listener.Stop);
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break; // stopped
            }

            _ = Task.Run(() => HandleAsync(context, cancellationToken), CancellationToken.None);
        }
    }

    private async Task HandleAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        try
        {
            var path = context.Request.Url?.AbsolutePath ?? "/";
            if (path == "/add-checkpoint" && context.Request.HttpMethod == "POST")
            {
                await AddCheckpointAsync(context, cancellationToken);
            }
            else if (path == "/add-checkpoint")
            {
                await WriteAsync(response, 405, "text/plain; charset=utf-8", "add-checkpoint takes a POST (C2SP tlog-witness).\n");
            }
            else if (path == "/" && context.Request.HttpMethod == "GET")
            {
                await WriteAsync(response, 200, "text/plain; charset=utf-8", Describe());
            }
            else
            {
                await WriteAsync(response, 404, "text/plain; charset=utf-8", "Not found. This witness serves POST /add-checkpoint and GET /.\n");
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // the client went away
        }
        finally
        {
            response.Close();
        }
    }

    private async Task AddCheckpointAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        if (context.Request.ContentLength64 > AddCheckpointRequest.MaxBodyBytes)
        {
            await WriteAsync(response, 413, "text/plain; charset=utf-8", $"The request is larger than {AddCheckpointRequest.MaxBodyBytes} bytes.\n");
            return;
        }

        var body = await ReadBodyAsync(context.Request.InputStream, cancellationToken);
        AddCheckpointRequest? request = null;
        string? parseError = "The body is too large or not UTF-8.";
        if (body is null || !AddCheckpointRequest.TryParse(body, out request, out parseError))
        {
            await WriteAsync(response, 400, "text/plain; charset=utf-8", parseError + "\n");
            return;
        }

        await gate.WaitAsync(cancellationToken);
        WitnessVerdict verdict;
        string? line = null;
        try
        {
            verdict = WitnessCheck.Evaluate(request!, logs, state.Get);
            if (verdict.Accepted is { } accepted)
            {
                var now = time.GetUtcNow();
                state.Save(accepted, now);
                line = cosigner.Cosign(verdict.Text!, now).ToLine();
            }
        }
        finally
        {
            gate.Release();
        }

        await log.WriteLineAsync($"{LedgerTime.Format(time.GetUtcNow())} {verdict.HttpStatus} {verdict.Message}");
        if (line is not null)
        {
            await WriteAsync(response, 200, "text/plain; charset=utf-8", line);
        }
        else if (verdict.Outcome == WitnessOutcome.Conflict)
        {
            // tlog-witness: the body is the size of the latest cosigned checkpoint, in text/x.tlog.size.
            await WriteAsync(response, 409, "text/x.tlog.size", verdict.KnownSize!.Value.ToString(CultureInfo.InvariantCulture) + "\n");
        }
        else
        {
            await WriteAsync(response, verdict.HttpStatus, "text/plain; charset=utf-8", verdict.Message + "\n");
        }
    }

    private string Describe()
    {
        var text = new StringBuilder()
            .Append("Vigie witness (C2SP tlog-witness). Cosignature key:\n").Append(cosigner.Verifier.VerifierKey).Append('\n')
            .Append("\nLogs witnessed:\n");
        foreach (var (origin, _) in logs.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var held = state.Get(origin);
            text.Append(origin).Append(": ").Append(held is null ? "nothing cosigned yet" : $"size {held.Size}, root {Convert.ToBase64String(held.RootHash)}").Append('\n');
        }

        return text.ToString();
    }

    private static async Task<string?> ReadBodyAsync(Stream input, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > AddCheckpointRequest.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }
}
