using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Concerns;
using Vigie.Core.Concerns;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie keys generate --out DIR: a concern recipient's X25519 key pair, made on this machine.
/// The private key file is created with mode 0600 and never sent anywhere; the public key file is
/// what an admin registers (vigie users add NAME --role concern-recipient --public-key FILE).
/// </summary>
internal static class KeysGenerateCommand
{
    public const string PrivateFileName = "concern-private.key";
    public const string PublicFileName = "concern-public.key";

    public static Command Create(CliApp app)
    {
        var output = new Option<string>("--out") { Description = "The folder to write concern-private.key and concern-public.key into.", Required = true };
        var protect = new Option<bool>("--passphrase")
        {
            Description = $"Protect the private key file with a passphrase (Argon2id + AES-256-GCM), read from {ConcernFiles.PassphraseVariable} or asked twice in a terminal. " +
                          "The browser cannot open a protected file; the command line can.",
        };
        var command = new Command("generate", "Make a concern recipient's key pair on this machine (the private key never leaves it).") { output, protect };
        app.SetAction(command, (context, parse, _) =>
        {
            var folder = parse.GetValue(output)!;
            var privatePath = Path.Combine(folder, PrivateFileName);
            var publicPath = Path.Combine(folder, PublicFileName);
            if (File.Exists(privatePath) || File.Exists(publicPath))
            {
                throw new CliFailure(ExitCodes.Usage, $"{folder} already holds a concern key pair; refusing to overwrite it (concerns sealed to it would become unreadable).");
            }

            var key = ConcernKeyPair.Generate();
            var privateText = key.ExportPrivateKey();
            if (parse.GetValue(protect))
            {
                var passphrase = ConcernFiles.Passphrase(context, "Passphrase for the new private key: ", confirm: true)
                    ?? throw new CliFailure(ExitCodes.Usage, $"--passphrase needs the passphrase: set {ConcernFiles.PassphraseVariable}, or run the command in a terminal.");
                privateText = ConcernKeyProtection.Protect(key, passphrase, out var weak) ?? throw new CliFailure(ExitCodes.Usage, weak!);
            }

            try
            {
                Directory.CreateDirectory(folder);
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using (var writer = new StreamWriter(privatePath, System.Text.Encoding.ASCII, options))
                {
                    writer.Write(privateText + "\n");
                }

                File.WriteAllText(publicPath, key.PublicKey.Export() + "\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliFailure(ExitCodes.Usage, $"Cannot write the key files in '{folder}': {e.Message}");
            }

            if (context.Json)
            {
                context.WriteJson(new { keyId = key.PublicKey.KeyId, privateKey = Path.GetFullPath(privatePath), publicKey = Path.GetFullPath(publicPath), protectedByPassphrase = parse.GetValue(protect) });
            }
            else
            {
                context.Console.MarkupLine(Markup.Escape($"Made concern key {key.PublicKey.KeyId}."));
                context.Console.MarkupLine(Markup.Escape($"  private: {Path.GetFullPath(privatePath)} (mode 0600{(parse.GetValue(protect) ? ", protected by your passphrase" : "; keep it on an encrypted disk")}, never send it)"));
                context.Console.MarkupLine(Markup.Escape($"  public:  {Path.GetFullPath(publicPath)} (give this one to your admin to register)"));
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
