namespace Vigie.Core.Impact.Rights;

/// <summary>A valid FRIA document, or every problem found in the JSON.</summary>
public sealed record FriaParseResult(FriaDocument? Document, IReadOnlyList<FriaIssue> Issues)
{
    public bool Succeeded => Document is not null;
}
