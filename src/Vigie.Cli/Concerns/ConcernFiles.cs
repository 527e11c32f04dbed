using Spectre.Console;
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

    /// <summary>The environment variable a protected key file's passphrase is read from (else a terminal prompt).</summary>
    public const string PassphraseVariable = "VIGIE_KEY_PASSPHRASE";

    /// <summary>A private key file, opened with its passphrase when it is protected (vigie-concern-private-key-v2).</summary>
    public static ConcernKeyPair PrivateKey(CommandContext context, string path)
    {
        var text = System.Text.Encoding.UTF8.GetString(Read(path, "Key file"));
        if (!ConcernKeyProtection.IsProtected(text))
        {
            return ConcernKeyPair.TryImport(text, out var key, out var error) ? key : throw new CliFailure(ExitCodes.Usage, $"{path}: {error}");
        }

        var passphrase = Passphrase(context, $"Passphrase of {path}: ", confirm: false)
            ?? throw new CliFailure(ExitCodes.Usage, $"{path} is protected by a passphrase: set {PassphraseVariable}, or run the command in a terminal to be asked for it.");
        return ConcernKeyProtection.TryOpen(text, passphrase, out var opened, out var openError) ? opened : throw new CliFailure(ExitCodes.Usage, $"{path}: {openError}");
    }

    /// <summary>The passphrase from <see cref="PassphraseVariable"/>, else asked (hidden) in a terminal, else null.</summary>
    public static string? Passphrase(CommandContext context, string prompt, bool confirm)
    {
        if (context.Environment.GetVariable(PassphraseVariable) is { Length: > 0 } fromVariable)
        {
            return fromVariable;
        }

        if (!context.Environment.IsTerminal)
        {
            return null;
        }

        var first = context.Console.Prompt(new TextPrompt<string>(prompt).Secret());
        if (confirm && context.Console.Prompt(new TextPrompt<string>("Again: ").Secret()) != first)
        {
            throw new CliFailure(ExitCodes.Usage, "The two passphrases differ; nothing was written.");
        }

        return first;
    }

    public static ConcernPublicKey PublicKey(string path) =>
        ConcernPublicKey.TryImport(System.Text.Encoding.UTF8.GetString(Read(path, "Public key file")), out var key, out var error)
            ? key
            : throw new CliFailure(ExitCodes.Usage, $"{path}: {error}");

    public static ConcernReceipt Receipt(string text) =>
        ConcernReceipt.TryParse(text, out var receipt, out var error) ? receipt : throw new CliFailure(ExitCodes.Usage, error);
}
