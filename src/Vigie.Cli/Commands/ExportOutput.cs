namespace Vigie.Cli.Commands;

/// <summary>Where an export goes: a file (-o), or standard output; with --json, what was written.</summary>
internal static class ExportOutput
{
    public static async Task<int> WriteAsync(CommandContext context, string format, string content, string? file, CancellationToken cancellationToken)
    {
        if (file is not null)
        {
            try
            {
                await File.WriteAllTextAsync(file, content, new System.Text.UTF8Encoding(false), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliFailure(ExitCodes.Usage, $"Cannot write {file}: {e.Message}");
            }
        }

        if (context.Json)
        {
            context.WriteJson(file is null
                ? new { format, content }
                : (object)new { format, file, bytes = System.Text.Encoding.UTF8.GetByteCount(content) });
            return ExitCodes.Ok;
        }

        if (file is null)
        {
            context.Environment.Out.Write(content);
        }
        else
        {
            context.Notice($"Wrote the {format} export to {file}.");
        }

        return ExitCodes.Ok;
    }
}
