namespace Vigie.Cli;

/// <summary>The exit codes every command uses (DESIGN.md, Conventions: the CLI).</summary>
internal static class ExitCodes
{
    /// <summary>Done, or the check passed.</summary>
    public const int Ok = 0;

    /// <summary>A check failed (invalid log, unrecorded file) or the server denied the action (403, 404, 409).</summary>
    public const int Failed = 1;

    /// <summary>The command line, or a value the server rejected as malformed (400), needs fixing.</summary>
    public const int Usage = 2;

    /// <summary>The server could not be reached, failed (5xx), or did not accept the token (401).</summary>
    public const int Unreachable = 3;
}
