namespace Vigie.Core.Impact;

/// <summary>Where a reference table comes from (data/sources.json): title, publisher, licence, when retrieved, notes.</summary>
public sealed record DataSource(string File, string Title, string Publisher, string Licence, string? Url, string Retrieved, string Notes)
{
    /// <summary>The short citation shown next to a value taken from the table.</summary>
    public string Cite(string detail) => $"{Publisher}: {detail} ({Licence}; data/{File}, retrieved {Retrieved})";
}
