using Vigie.Core.Governance;
using Vigie.Core.Policies;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Gate;

/// <summary>The request bodies of the gate endpoints, and their field checks.</summary>
public static class GateRequests
{
    /// <summary>A gate check: the system version and the action it is about.</summary>
    public sealed record Check(string System, string Version, string Action, bool IncludeDossier = false);

    public static string? CheckSubject(string? system, string? version, string? action) =>
        RegistryNames.CheckSystem(system)
        ?? RegistryNames.CheckVersion(version)
        ?? (DecisionTypes.IsAction(action) ? null : $"'{action}' is not an action the gate checks; actions are: {DecisionTypes.ActionNames}.");
}
