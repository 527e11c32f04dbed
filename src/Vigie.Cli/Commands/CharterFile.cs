using Vigie.Core.Governance;

namespace Vigie.Cli.Commands;

/// <summary>
/// Reads a charter file and checks it with the same reader the server uses, so a mistake is
/// reported with its line before anything is sent.
/// </summary>
internal static class CharterFile
{
    public static async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliFailure(ExitCodes.Usage, $"There is no file '{path}'.");
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        var load = CharterReader.Read(text);
        if (!load.Succeeded)
        {
            throw new CliFailure(ExitCodes.Usage, $"{path} is not a valid charter:{Environment.NewLine}" +
                string.Join(Environment.NewLine, load.Errors.Select(e => $"  {path}: {e}")));
        }

        return text;
    }
}
