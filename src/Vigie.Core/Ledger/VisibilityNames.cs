namespace Vigie.Core.Ledger;

/// <summary>The names of <see cref="Visibility"/> as entries, storage and the API spell them.</summary>
public static class VisibilityNames
{
    public static string Of(Visibility visibility) => EnvelopeFormat.FormatVisibility(visibility);

    public static bool TryParse(string? text, out Visibility visibility)
    {
        visibility = default;
        return text is not null && EnvelopeFormat.TryParseVisibility(text, out visibility);
    }
}
