namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// The outcome of importing a file: a card and notes about what was kept aside (values of known
/// keys that did not fit their field are kept verbatim in <c>extra</c>), or why nothing could be
/// imported (e.g. broken YAML, with its line and column).
/// </summary>
public sealed record CardImport(ModelCard? Card, string? Error, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Card is not null;

    public static CardImport Failed(string error) => new(null, error, []);
}
