namespace Vigie.Core.Impact;

/// <summary>Where an input to an impact estimate came from (issue 6: "every input shows where its value came from").</summary>
public enum ValueOrigin
{
    /// <summary>Read from a meter or a provider's bill (energy in kWh).</summary>
    Measured,

    /// <summary>Given by the person or the registry for this estimate.</summary>
    Supplied,

    /// <summary>Taken from a shipped reference table or a documented default, with its source.</summary>
    Default,
}
