using System.Security.Cryptography;

namespace Vigie.Cli;

/// <summary>SHA-256 of a file, streamed in 1 MiB reads so multi-gigabyte artifacts never sit in memory.</summary>
internal static class FileDigest
{
    public static async Task<(string Sha256, long Size)> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            var hash = await SHA256.HashDataAsync(stream, cancellationToken);
            return (Convert.ToHexStringLower(hash), stream.Length);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliFailure(ExitCodes.Usage, $"There is no file '{path}'.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure(ExitCodes.Usage, $"Cannot read '{path}': {e.Message}");
        }
    }
}
