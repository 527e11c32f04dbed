using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Vigie.Cli.Config;

namespace Vigie.Cli.Http;

/// <summary>
/// The CLI's one HTTP client for one server. Every failure becomes a <see cref="CliFailure"/>
/// with the exit code the conventions give it and the server's own explanation (RFC 9457 detail).
/// The token is sent to /api/ only: the C2SP log under /log/ is public, and a stale token must
/// not stop anyone from verifying it.
/// </summary>
internal sealed class VigieApi(HttpClient http, ServerAddress server, string? token)
{
    public ServerAddress Server => server;

    public bool HasToken => token is not null;

    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async Task<byte[]> GetBytesAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return await ReadJsonAsync(response, path, cancellationToken);
    }

    public Task<JsonElement> PostJsonAsync(string path, object body, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Post, path, body, cancellationToken);

    public async Task<JsonElement> SendJsonAsync(HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        var content = new StringContent(JsonSerializer.Serialize(body, CliJson.Compact), Encoding.UTF8, "application/json");
        using var response = await SendAsync(method, path, content, cancellationToken);
        return await ReadJsonAsync(response, path, cancellationToken);
    }

    /// <summary>PUT a JSON body; <paramref name="ifMatch"/> is sent as If-Match (an ETag such as "r3").</summary>
    public async Task<JsonElement> PutJsonAsync(string path, object body, string? ifMatch, CancellationToken cancellationToken)
    {
        var content = new StringContent(JsonSerializer.Serialize(body, CliJson.Compact), Encoding.UTF8, "application/json");
        using var response = await SendAsync(HttpMethod.Put, path, content, cancellationToken, ifMatch);
        return await ReadJsonAsync(response, path, cancellationToken);
    }

    /// <summary>POST text (e.g. a README as text/markdown) and read the JSON answer.</summary>
    public async Task<JsonElement> PostTextAsync(string path, string text, string mediaType, CancellationToken cancellationToken)
    {
        var content = new StringContent(text, Encoding.UTF8, mediaType);
        using var response = await SendAsync(HttpMethod.Post, path, content, cancellationToken);
        return await ReadJsonAsync(response, path, cancellationToken);
    }

    /// <summary>POST a file's bytes as they are read (an evaluation log may be hundreds of MB) and read the JSON answer.</summary>
    public async Task<JsonElement> PostStreamAsync(string path, Stream body, string mediaType, CancellationToken cancellationToken)
    {
        var content = new StreamContent(body, 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await SendAsync(HttpMethod.Post, path, content, cancellationToken);
        return await ReadJsonAsync(response, path, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, server.Resolve(path)) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (token is not null && path.StartsWith("api/", StringComparison.Ordinal))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CliFailure(ExitCodes.Unreachable,
                $"Cannot reach the Vigie server at {server}: {e.Message.TrimEnd('.')}. Check --server (or VIGIE_SERVER) and that the server is running.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliFailure(ExitCodes.Unreachable, $"The Vigie server at {server} did not answer in time; try again, or check --server.");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await FailureAsync(response, path, cancellationToken);
        }
    }

    private async Task<CliFailure> FailureAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        var detail = await ProblemDetail.ReadAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized when token is null => new CliFailure(ExitCodes.Unreachable,
                $"The server needs an API token for this: pass --token or set VIGIE_TOKEN. ({detail})"),
            HttpStatusCode.Unauthorized => new CliFailure(ExitCodes.Unreachable,
                $"The server did not accept the API token: {detail} Pass a valid --token or VIGIE_TOKEN."),
            HttpStatusCode.Forbidden => new CliFailure(ExitCodes.Failed, $"Denied: {detail}"),
            HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType =>
                new CliFailure(ExitCodes.Usage, $"The server rejected the request: {detail}"),
            _ when status >= 500 => new CliFailure(ExitCodes.Unreachable,
                $"The server at {server} failed ({status}): {detail} Nothing was changed; try again later."),
            _ => new CliFailure(ExitCodes.Failed, $"{detail} (HTTP {status} for /{path})"),
        };
    }

    private async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new CliFailure(ExitCodes.Failed, $"The server at {server} answered /{path} with something that is not JSON; is --server a Vigie server?");
        }
    }
}
