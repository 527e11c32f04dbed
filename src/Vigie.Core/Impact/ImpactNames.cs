namespace Vigie.Core.Impact;

/// <summary>The stable names of impact values in JSON, the CLI and ledger entries.</summary>
public static class ImpactNames
{
    public static string Origin(ValueOrigin origin) => origin switch
    {
        ValueOrigin.Measured => "measured",
        ValueOrigin.Supplied => "supplied",
        _ => "default",
    };
}
