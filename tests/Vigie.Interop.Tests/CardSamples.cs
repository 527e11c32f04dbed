using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Interop.Tests;

/// <summary>The committed sample card that fills every field (shared with the core suite).</summary>
internal static class CardSamples
{
    public static ModelCard Full()
    {
        var path = Path.Combine(RealWorld.Repository, "tests", "Vigie.Core.Tests", "Formats", "ModelCards", "Fixtures", "full-card.json");
        var parsed = ModelCard.FromJson(File.ReadAllText(path));
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Issues));
        return parsed.Card!;
    }
}
