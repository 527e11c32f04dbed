using Vigie.Server.Http;

namespace Vigie.Server.Features.Gate;

/// <summary>The problem response for a status the gate's services return with a message.</summary>
internal static class GateProblems
{
    public static IResult Of(int status, string detail) => status switch
    {
        StatusCodes.Status400BadRequest => Problems.BadRequest(detail),
        StatusCodes.Status403Forbidden => Problems.Forbidden(detail),
        StatusCodes.Status404NotFound => Problems.NotFound(detail),
        StatusCodes.Status409Conflict => Problems.Conflict(detail),
        StatusCodes.Status413PayloadTooLarge => Problems.TooLarge(detail),
        _ => Problems.Problem(status, "The gate could not be run", detail),
    };
}
