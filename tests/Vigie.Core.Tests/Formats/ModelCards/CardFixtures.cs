using System.Text.Json.Nodes;
using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Core.Tests.Formats.ModelCards;

/// <summary>The committed README fixtures, and a card with every group filled in.</summary>
internal static class CardFixtures
{
    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Formats", "ModelCards", "Fixtures", name));

    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Formats", "ModelCards", "Fixtures", name));

    public static ModelCard Card(string json)
    {
        var parsed = ModelCard.FromJson(json);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Issues));
        return parsed.Card!;
    }

    public static ModelCard Imported(string name)
    {
        var import = HuggingFaceCard.Read(Text(name));
        Assert.True(import.Succeeded, import.Error);
        return import.Card!;
    }

    /// <summary>A frontier-model card that fills every profile, with values that exercise each export.</summary>
    public static ModelCard Full() => Card(Text("full-card.json"));

    public static JsonObject Json(ModelCard card) => card.ToJsonObject();
}
