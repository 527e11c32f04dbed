namespace Vigie.Core.Formats.ModelCards;

/// <summary>A named set of required fields, from one law, code or convention.</summary>
public sealed record CardProfile(string Id, string Title, string Source, IReadOnlyList<CardRequirement> Requirements)
{
    /// <summary>What the card lacks for this profile, in the profile's order.</summary>
    public CardCheck Check(ModelCard card) =>
        new(Id, [.. Requirements
            .Where(r => !r.IsMetBy(card))
            .Select(r => new MissingField(r.Path, CardSchema.Find(r.Path)?.Label ?? r.Path, r.Citation))]);
}
