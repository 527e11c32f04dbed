using Vigie.Core.Governance;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Decisions;

/// <summary>
/// What a decision action did: the log index of its first entry, or why it was refused and the
/// HTTP status that says so (the JSON API answers it as a problem, the pages show the message).
/// </summary>
public sealed record StepOutcome(int Status, string? Error, long Index, DateTimeOffset Time, string? Decision)
{
    public bool Succeeded => Error is null;

    public static StepOutcome Done(long index, DateTimeOffset time, string decision) => new(StatusCodes.Status200OK, null, index, time, decision);

    public static StepOutcome Fail(int status, string error) => new(status, error, -1, default, null);

    public static StepOutcome Refused(Refusal refusal) => Fail(refusal.Kind switch
    {
        RefusalKind.NotPermitted or RefusalKind.Recused => StatusCodes.Status403Forbidden,
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status409Conflict,
    }, refusal.Message);

    public IResult Problem() => Status switch
    {
        StatusCodes.Status400BadRequest => Problems.BadRequest(Error!),
        StatusCodes.Status403Forbidden => Problems.Forbidden(Error!),
        StatusCodes.Status404NotFound => Problems.NotFound(Error!),
        _ => Problems.Problem(Status, "Refused by the charter", Error!),
    };
}
