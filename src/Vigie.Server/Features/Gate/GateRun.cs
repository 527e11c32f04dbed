using Vigie.Core.Policies;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// One gate evaluation: the result and the log entry that records it (with the dossier it was
/// run on), or why it could not be run — the HTTP status and a message a person can act on.
/// </summary>
public sealed record GateRun(int Status, string? Error, GateResult? Result, long Index, DateTimeOffset Time, ReleaseDossier? Dossier)
{
    public bool Succeeded => Result is not null;

    public static GateRun Fail(int status, string error) => new(status, error, null, -1, default, null);
}
