namespace Vigie.Core.Formats.ModelCards;

/// <summary>The result of checking a card against a profile: what is missing, each with the clause that asks for it.</summary>
public sealed record CardCheck(string Profile, IReadOnlyList<MissingField> Missing)
{
    public bool Complete => Missing.Count == 0;
}
