using System.Diagnostics.CodeAnalysis;

namespace Vigie.Core.Concerns;

/// <summary>The stable names of regimes and categories used on the command line, in JSON and in obligation codes.</summary>
public static class IncidentNames
{
    private static readonly Dictionary<IncidentRegime, string> Regimes = new()
    {
        [IncidentRegime.Sb53] = "sb53",
        [IncidentRegime.Raise] = "raise",
        [IncidentRegime.EuAiActArt73] = "eu-ai-act-art73",
        [IncidentRegime.GpaiCodeOfPractice] = "gpai-cop",
    };

    private static readonly Dictionary<IncidentCategory, string> Categories = new()
    {
        [IncidentCategory.Death] = "death",
        [IncidentCategory.CriticalInfrastructure] = "critical-infrastructure",
        [IncidentCategory.WidespreadInfringement] = "widespread-infringement",
        [IncidentCategory.Cybersecurity] = "cybersecurity",
        [IncidentCategory.OtherSeriousHarm] = "other-serious-harm",
        [IncidentCategory.NearMiss] = "near-miss",
    };

    /// <summary>Every regime name, in declaration order (for help text).</summary>
    public static IReadOnlyList<string> RegimeNames { get; } = [.. Enum.GetValues<IncidentRegime>().Select(r => Regimes[r])];

    /// <summary>Every category name, in declaration order (for help text).</summary>
    public static IReadOnlyList<string> CategoryNames { get; } = [.. Enum.GetValues<IncidentCategory>().Select(c => Categories[c])];

    public static string Name(IncidentRegime regime) => Regimes[regime];

    public static string Name(IncidentCategory category) => Categories[category];

    /// <summary>Reads a regime name exactly as listed in <see cref="RegimeNames"/>.</summary>
    public static bool TryParseRegime(string? name, out IncidentRegime regime, [NotNullWhen(false)] out string? error) =>
        TryParse(Regimes, name, "regime", out regime, out error);

    /// <summary>Reads a category name exactly as listed in <see cref="CategoryNames"/>.</summary>
    public static bool TryParseCategory(string? name, out IncidentCategory category, [NotNullWhen(false)] out string? error) =>
        TryParse(Categories, name, "category", out category, out error);

    private static bool TryParse<T>(Dictionary<T, string> names, string? name, string what, out T value, [NotNullWhen(false)] out string? error)
        where T : struct, Enum
    {
        foreach (var (key, text) in names)
        {
            if (text == name)
            {
                value = key;
                error = null;
                return true;
            }
        }

        value = default;
        error = $"Unknown incident {what} \"{name}\"; use one of: {string.Join(", ", names.Values)}.";
        return false;
    }
}
