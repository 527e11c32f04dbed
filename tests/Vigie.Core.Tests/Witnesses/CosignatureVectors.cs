using System.Text.Json;

namespace Vigie.Core.Tests.Witnesses;

/// <summary>Known answers from the C2SP texts and transparency-dev/formats (Vectors/cosignature.json).</summary>
internal static class CosignatureVectors
{
    private static readonly Lazy<JsonElement> Json = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "cosignature.json"))).RootElement);

    public static string Text(string name) => Json.Value.GetProperty(name).GetString()!;

    public static ulong Number(string name) => Json.Value.GetProperty(name).GetUInt64();
}
