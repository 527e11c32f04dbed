using Vigie.Core.Formats.ModelCards;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Cards;

/// <summary>Problem responses specific to cards: field-level errors and the outcome of a write.</summary>
public static class CardProblems
{
    /// <summary>400 listing every field problem, also as <c>errors: [{path, message}]</c> for programs.</summary>
    public static IResult InvalidCard(IReadOnlyList<CardIssue> issues) =>
        Results.Problem(
            detail: string.Join(" ", issues.Select(i => i.ToString())),
            statusCode: StatusCodes.Status400BadRequest,
            title: "The card is not valid",
            extensions: new Dictionary<string, object?> { ["errors"] = issues.Select(i => new { path = i.Path, message = i.Message }).ToList() });

    public static IResult Of(CardWriteOutcome outcome) => outcome.Status switch
    {
        CardWriteStatus.VersionNotFound => Problems.NotFound(outcome.Problem!),
        CardWriteStatus.Conflict => Problems.Conflict(outcome.Problem!),
        CardWriteStatus.TooLarge => Problems.TooLarge(outcome.Problem!),
        _ => Problems.BadRequest(outcome.Problem!),
    };
}
