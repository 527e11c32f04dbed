namespace Vigie.Cli;

/// <summary>
/// Ends a command with one line on stderr and an exit code. Commands throw it from deep inside
/// helpers (HTTP, config, pinning) so that every failure is reported the same way, at one place
/// (<see cref="CliApp"/>), and never as a stack trace.
/// </summary>
internal sealed class CliFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
