using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// An uploaded evaluation file, streamed to a temporary file while its SHA-256 is computed, so a
/// large log never sits in memory. Refused early when the declared length is over the limit, and
/// as soon as the bytes pass it. Deleted when disposed.
/// </summary>
public sealed class EvaluationUpload : IAsyncDisposable
{
    private EvaluationUpload(string path, string sha256, long size)
    {
        Path = path;
        Sha256 = sha256;
        Size = size;
    }

    public string Path { get; }

    public string Sha256 { get; }

    public long Size { get; }

    public FileStream Open() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);

    /// <summary>The upload, or the reason it was refused (too large, empty).</summary>
    public static async Task<(EvaluationUpload? Upload, string? TooLarge, string? Empty)> ReceiveAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            return (null, $"The file is {context.Request.ContentLength} bytes; at most {limit} are accepted.", null);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vigie-eval-" + Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        var tooLarge = false;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                var buffer = new byte[64 * 1024];
                int read;
                while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
                {
                    total += read;
                    if (total > limit)
                    {
                        tooLarge = true;
                        break;
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            tooLarge = true;
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        if (tooLarge)
        {
            File.Delete(path);
            return (null, $"The file is larger than the {limit} bytes accepted.", null);
        }

        if (total == 0)
        {
            File.Delete(path);
            return (null, null, "The body is empty: send the evaluation file's bytes (Content-Type: application/octet-stream).");
        }

        return (new EvaluationUpload(path, Convert.ToHexStringLower(hash.GetHashAndReset()), total), null, null);
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
