using Vigie.Server.Features.Users;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// What routing settings must satisfy before concerns are routed with them (issue 7, "Routing"):
/// the rules that need no database (<see cref="Vigie.Core.Concerns.ConcernRoutingSettings.Check"/>), then
/// that everyone named exists, holds the concern-recipient role and has registered a key.
/// </summary>
public static class ConcernRoutingRules
{
    public static string? Validate(ConcernRouting routing, Func<string, IReadOnlyList<string>?> rolesOf, Func<string, bool> hasKey)
    {
        if (routing.ToSettings().Check() is { } invalid)
        {
            return invalid;
        }

        foreach (var user in routing.AllUsers)
        {
            var roles = rolesOf(user);
            if (roles is null)
            {
                return $"There is no user named '{user}'.";
            }

            if (!roles.Contains(Roles.ConcernRecipient, StringComparer.Ordinal))
            {
                return $"'{user}' does not have the {Roles.ConcernRecipient} role.";
            }

            if (!hasKey(user))
            {
                return $"'{user}' has no registered public key: they run 'vigie keys generate', then register the public key file.";
            }
        }

        return null;
    }
}
