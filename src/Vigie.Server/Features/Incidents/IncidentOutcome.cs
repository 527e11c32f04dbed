using Vigie.Server.Http;

namespace Vigie.Server.Features.Incidents;

/// <summary>What a register action did: the incident and the log index of its entry, or why it was refused (and the HTTP status that says so).</summary>
public sealed record IncidentOutcome(int Status, string? Error, long Index, string? Incident)
{
    public bool Succeeded => Error is null;

    public static IncidentOutcome Done(long index, string incident) => new(StatusCodes.Status200OK, null, index, incident);

    public static IncidentOutcome Fail(int status, string error) => new(status, error, -1, null);

    public static IncidentOutcome Invalid(string error) => Fail(StatusCodes.Status400BadRequest, error);

    public static IncidentOutcome NotFound(string id) =>
        Fail(StatusCodes.Status404NotFound, $"No incident '{id}' is visible to you (vigie incidents list shows the ones you may read; an expired record is gone).");

    public static IncidentOutcome Conflict(string error) => Fail(StatusCodes.Status409Conflict, error);

    public IResult Problem() => Status switch
    {
        StatusCodes.Status400BadRequest => Problems.BadRequest(Error!),
        StatusCodes.Status403Forbidden => Problems.Forbidden(Error!),
        StatusCodes.Status404NotFound => Problems.NotFound(Error!),
        _ => Problems.Conflict(Error!),
    };
}
