using Vigie.Server.Http;

namespace Vigie.Server.Features.Impact;

/// <summary>An impact write that was refused, as an RFC 9457 problem with the title its status calls for.</summary>
public static class ImpactProblems
{
    public static IResult Of(int status, string detail) =>
        Problems.Problem(status, status switch { 404 => "Not found", 409 => "Conflict", 413 => "The request is too large", _ => "The request is not valid" }, detail);
}
