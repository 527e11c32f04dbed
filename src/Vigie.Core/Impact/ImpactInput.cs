namespace Vigie.Core.Impact;

/// <summary>
/// One input of an estimate, with its unit, where it came from and the source that says so
/// (a datasheet, a dataset and year, "supplied by the user"). Shown next to every result.
/// </summary>
public sealed record ImpactInput(string Name, double Value, string Unit, ValueOrigin Origin, string Source)
{
    public string OriginName => ImpactNames.Origin(Origin);
}
