using Vigie.Core.Ledger;

namespace Vigie.Server.Ledger;

/// <summary>
/// The log's signing key: created on first start in the data directory with mode 0600, then
/// loaded. Its name is the log's origin; the secret never leaves this class except to the file.
/// </summary>
public static class LogKeys
{
    public static NoteSigner LoadOrCreate(string path, string origin)
    {
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            if (!NoteSigner.TryParse(text, out var signer, out var error))
            {
                throw new InvalidOperationException($"The log signer key in {path} is not valid: {error}");
            }

            if (signer!.Name != origin)
            {
                throw new InvalidOperationException(
                    $"The log signer key in {path} is named '{signer.Name}' but the configured origin is '{origin}'. " +
                    "A log's origin cannot change: set Vigie__Log__Origin back to it.");
            }

            return signer;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var created = NoteSigner.Generate(origin);
        WriteSecret(path, created.SignerKey + "\n");
        return created;
    }

    /// <summary>Writes a secret file readable by its owner only (0600), refusing to overwrite one.</summary>
    public static void WriteSecret(string path, string content)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }
}
