using Vigie.Core.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Ledger;

/// <summary>
/// The log's signing key: created on first start in the data directory with mode 0600, then
/// loaded. Its name is the log's origin; the secret never leaves this class except to the file.
/// </summary>
public static class LogKeys
{
    public static NoteSigner LoadOrCreate(string path, string origin)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            // Two processes starting together on a fresh data directory may both get here; the
            // no-replace publish below lets exactly one key win, and both then load it.
            SecretFiles.TryPublish(path, NoteSigner.Generate(origin).SignerKey + "\n");
        }

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
}
