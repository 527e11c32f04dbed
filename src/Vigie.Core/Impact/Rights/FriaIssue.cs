namespace Vigie.Core.Impact.Rights;

/// <summary>A problem with a FRIA document, against the field it is in (empty for the whole document).</summary>
public sealed record FriaIssue(string Field, string Message)
{
    public override string ToString() => Field.Length == 0 ? Message : $"{Field}: {Message}";
}
