using Vigie.Core.Witnesses;

namespace Vigie.Cli.Witness;

/// <summary>The witness's signing key in &lt;dir&gt;/witness.key (mode 0600), made on first use.</summary>
internal static class WitnessKeyFile
{
    public const string FileName = "witness.key";

    public static Cosigner LoadOrCreate(string directory, string? name)
    {
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            if (!Cosigner.TryParse(File.ReadAllText(path), out var existing, out var error))
            {
                throw new CliFailure(ExitCodes.Failed, $"{path} is not a witness key: {error}");
            }

            if (name is not null && name != existing!.Name)
            {
                throw new CliFailure(ExitCodes.Usage,
                    $"{path} holds the key of witness '{existing.Name}', not '{name}'. One key serves one witness name (C2SP tlog-cosignature).");
            }

            return existing!;
        }

        if (name is null)
        {
            throw new CliFailure(ExitCodes.Usage,
                $"No witness key in {directory} yet: give --name (a schema-less URL naming your witness, e.g. witness.example.org/vigie) to make one.");
        }

        Cosigner cosigner;
        try
        {
            cosigner = Cosigner.Generate(name);
        }
        catch (ArgumentException e)
        {
            throw new CliFailure(ExitCodes.Usage, $"--name: {e.Message}");
        }

        Directory.CreateDirectory(directory);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options))
        {
            writer.Write(cosigner.SignerKey + "\n");
        }

        return cosigner;
    }
}
