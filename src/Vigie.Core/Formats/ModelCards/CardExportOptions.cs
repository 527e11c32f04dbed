namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// What an export needs beyond the card: when it was made (from the caller's clock), a name and
/// version to use when the card has none, and for SPDX the IRI the document's elements hang off.
/// </summary>
public sealed record CardExportOptions(DateTimeOffset Time)
{
    public string FallbackName { get; init; } = "model";

    public string? FallbackVersion { get; init; }

    /// <summary>An absolute IRI (no fragment) for the SPDX document; defaults to a URN derived from the card's digest.</summary>
    public string? DocumentUri { get; init; }

    /// <summary>Who the SPDX document names as its creator.</summary>
    public string Creator { get; init; } = "Vigie";
}
