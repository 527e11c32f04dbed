namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// A field a profile requires, with the clause that requires it. <see cref="Or"/> lists other
/// sets of fields that satisfy the requirement as well when all of a set are filled in (e.g.
/// training time: a duration, or start and end dates).
/// </summary>
public sealed record CardRequirement(string Path, string Citation)
{
    public IReadOnlyList<IReadOnlyList<string>> Or { get; init; } = [];

    public bool IsMetBy(ModelCard card) => card.Has(Path) || Or.Any(set => set.All(card.Has));
}
