using Vigie.Core.Concerns;

namespace Vigie.Cli.Concerns;

/// <summary>Reading the files and receipts the concern commands take, with errors a person can act on.</summary>
internal static class ConcernFiles
{
    /// <summary>Most text a concern or message may carry (the server takes about 380 KiB per concern, 64 KiB per message).</summary>
    public const int MaxTextBytes = 64 * 1024;

    public static string ReadText(string path, string what)
    {
        var bytes = Read(path, what);
        if (bytes.Length > MaxTextBytes)
        {
            throw new CliFailure(ExitCodes.Usage, $"{what} '{path}' is {bytes.Length} bytes; at most {MaxTextBytes} are sent. Shorten it or attach the rest.");
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes).Trim();
        return text.Length > 0 ? text : throw new CliFailure(ExitCodes.Usage, $"{what} '{path}' is empty.");
    }

    public static byte[] Read(string path, string what)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliFailure(ExitCodes.Usage, $"There is no {what.ToLowerInvariant()} '{path}'.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure(ExitCodes.Usage, $"Cannot read '{path}': {e.Message}");
        }
    }

    public static ConcernKeyPair PrivateKey(string path) =>
        ConcernKeyPair.TryImport(System.Text.Encoding.UTF8.GetString(Read(path, "Key file")), out var key, out var error)
            ? key
            : throw new CliFailure(ExitCodes.Usage, $"{path}: {error}");

    public static ConcernPublicKey PublicKey(string path) =>
        ConcernPublicKey.TryImport(System.Text.Encoding.UTF8.GetString(Read(path, "Public key file")), out var key, out var error)
            ? key
            : throw new CliFailure(ExitCodes.Usage, $"{path}: {error}");

    public static ConcernReceipt Receipt(string text) =>
        ConcernReceipt.TryParse(text, out var receipt, out var error) ? receipt : throw new CliFailure(ExitCodes.Usage, error);
}
