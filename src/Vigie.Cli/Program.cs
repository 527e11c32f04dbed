namespace Vigie.Cli;

/// <summary>
/// The entry point does nothing but hand the process's real environment to <see cref="CliApp"/>,
/// so tests can run exactly the same root command with captured output.
/// </summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, CliEnvironment.FromProcess());
}
