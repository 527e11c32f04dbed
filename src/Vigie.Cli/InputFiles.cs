namespace Vigie.Cli;

/// <summary>Reading a file a command was given, with an error a person can act on (exit 2) rather than a stack trace.</summary>
internal static class InputFiles
{
    public static async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure(ExitCodes.Usage, $"Cannot read {path}: {e.Message}");
        }
    }
}
