using Vigie.Core.Formats.ModelCards;

namespace Vigie.Server.Features.Cards;

/// <summary>What became of a <see cref="CardWrite"/>: a new revision, no change, or why not.</summary>
public sealed record CardWriteOutcome(CardWriteStatus Status, string? Problem, CardQueries.RevisionRow? Revision, IReadOnlyList<CardChange> Changes)
{
    public static CardWriteOutcome Failed(CardWriteStatus status, string problem) => new(status, problem, null, []);
}
