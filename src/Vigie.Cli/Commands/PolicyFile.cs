using Vigie.Core.Policies;

namespace Vigie.Cli.Commands;

/// <summary>
/// Reads a policy file and loads it with the same reader the server uses (every rule compiled,
/// checked against the dossier schema and dry-run), so a mistake is reported with its rule, line
/// and column before anything is sent.
/// </summary>
internal static class PolicyFile
{
    public static async Task<Policy> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliFailure(ExitCodes.Usage, $"There is no file '{path}'.");
        }

        var info = new FileInfo(path);
        if (info.Length > 4L * PolicyReader.MaxBytes)
        {
            throw new CliFailure(ExitCodes.Usage, $"{path} is {info.Length} bytes; a policy is at most {PolicyReader.MaxBytes} bytes of text.");
        }

        var load = PolicyReader.Read(await File.ReadAllTextAsync(path, cancellationToken));
        if (load.Policy is not { } policy)
        {
            throw new CliFailure(ExitCodes.Usage, $"{path} does not load as a policy ({load.Errors.Count} error(s)); nothing was sent:{Environment.NewLine}" +
                string.Join(Environment.NewLine, load.Errors.Select(e => $"  {path}: {e}")));
        }

        return policy;
    }
}
