using Vigie.Core.Concerns;

namespace Vigie.Server.Features.Incidents;

/// <summary>A regime that applies to an incident, and why: "named" by people, and/or implied by the system's obligations (with the reason).</summary>
public sealed record ApplicableRegime(IncidentRegime Regime, IReadOnlyList<string> Sources)
{
    public const string Named = "named";

    public string Name => IncidentNames.Name(Regime);

    public object ToJson() => new { regime = Name, title = IncidentVocabulary.RegimeTitle(Regime), sources = Sources };
}
