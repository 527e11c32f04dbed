using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Vigie.Core.Concerns;

/// <summary>Shared reading rules of the sealed content formats (<see cref="ConcernReport"/>, <see cref="ConcernMessage"/>).</summary>
internal static class ConcernContent
{
    public static string? VersionError(JsonElement root, string version)
    {
        if (root.ValueKind != JsonValueKind.Object || !TryString(root, "version", out var found))
        {
            return $"The opened content is not a {version} document.";
        }

        return found == version ? null : $"Unknown content version \"{found}\": this Vigie reads {version}.";
    }

    public static bool TryString(JsonElement obj, string name, [NotNullWhen(true)] out string? value)
    {
        value = obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return value is not null;
    }
}
