using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Core.Policies;
using Xunit;

namespace Vigie.Core.Tests.Policies;

/// <summary>
/// The fast dossier validator against JsonSchema.Net, a general JSON Schema 2020-12 validator:
/// the same verdict on the sample, the minimal dossier and every single-point break of them.
/// </summary>
public sealed class SchemaCheckTests
{
    [Fact]
    public void SchemaUsesOnlyKeywordsTheFastValidatorKnows()
    {
        var unknown = new List<string>();
        Keywords(DossierSchema.Root, unknown);
        Assert.Empty(unknown);
    }

    [Fact]
    public void FastValidator_AgreesWithJsonSchemaNet_OnEveryBreakOfTheSample()
    {
        var cases = 0;
        foreach (var (name, dossier) in Variants())
        {
            var element = JsonSerializer.SerializeToElement(dossier);
            var fast = DossierSchema.Validate(element);
            var reference = DossierSchema.ValidateWithJsonSchemaNet(element);
            Assert.True(fast.Count == 0 == (reference.Count == 0), $"{name}: fast says [{string.Join("; ", fast)}], JsonSchema.Net says [{string.Join("; ", reference)}]");
            cases++;
        }

        Assert.True(cases > 300, $"only {cases} variants");
    }

    private static IEnumerable<(string Name, JsonNode Dossier)> Variants()
    {
        var sample = JsonNode.Parse(DossierSchema.SampleText)!;
        var minimal = DossierShape.Minimal(DossierSchema.Sample)!;
        yield return ("sample", sample);
        yield return ("minimal", minimal);
        foreach (var (baseName, root) in new[] { ("sample", sample), ("minimal", minimal) })
        {
            foreach (var path in Paths(root, ""))
            {
                foreach (var (change, replacement) in Breaks(At(root, path)))
                {
                    var copy = root.DeepClone();
                    Replace(copy, path, replacement);
                    yield return ($"{baseName}{path} {change}", copy);
                }

                var removed = root.DeepClone();
                Replace(removed, path, null, remove: true);
                yield return ($"{baseName}{path} removed", removed);
            }
        }
    }

    private static IEnumerable<(string, JsonNode?)> Breaks(JsonNode? value)
    {
        yield return ("as text", JsonValue.Create("Not valid! 13"));
        yield return ("as number", JsonValue.Create(-1.5));
        yield return ("as true", JsonValue.Create(true));
        yield return ("as list", new JsonArray());
        yield return ("as object", new JsonObject { ["unexpected"] = 1 });
        if (value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            yield return ("emptied", JsonValue.Create(""));
            yield return ("bad date", JsonValue.Create("2026-02-30T10:00:00Z"));
            yield return ("lengthened", JsonValue.Create(new string('a', 2001)));
            yield return ("upper-cased", JsonValue.Create(text.ToUpperInvariant()));
        }

        if (value is JsonObject)
        {
            var extended = value.DeepClone().AsObject();
            extended["zz"] = 1;
            yield return ("with an extra key", extended);
        }

        if (value is JsonValue n && n.TryGetValue<double>(out var number))
        {
            yield return ("plus a half", JsonValue.Create(number + 0.5));
            yield return ("times 100", JsonValue.Create(number * 100));
        }
    }

    private static IEnumerable<string> Paths(JsonNode? node, string at)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    yield return $"{at}/{key}";
                    foreach (var p in Paths(child, $"{at}/{key}"))
                    {
                        yield return p;
                    }
                }

                break;
            case JsonArray a when a.Count > 0:
                yield return $"{at}/0";
                foreach (var p in Paths(a[0], $"{at}/0"))
                {
                    yield return p;
                }

                break;
        }
    }

    private static JsonNode? At(JsonNode root, string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate((JsonNode?)root, (n, s) => n is JsonArray a ? a[int.Parse(s)] : n![s]);

    private static void Replace(JsonNode root, string path, JsonNode? value, bool remove = false)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parent = At(root, "/" + string.Join('/', parts[..^1]))!;
        var last = parts[^1];
        if (parent is JsonArray array)
        {
            var index = int.Parse(last);
            if (remove)
            {
                array.RemoveAt(index);
            }
            else
            {
                array[index] = value;
            }
        }
        else if (remove)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = value;
        }
    }

    private static void Keywords(JsonElement schema, List<string> unknown)
    {
        foreach (var property in schema.EnumerateObject())
        {
            if (!SchemaCheck.Keywords.Contains(property.Name))
            {
                unknown.Add(property.Name);
            }

            switch (property.Name)
            {
                case "properties" or "$defs":
                    foreach (var child in property.Value.EnumerateObject())
                    {
                        Keywords(child.Value, unknown);
                    }

                    break;
                case "items" or "additionalProperties" when property.Value.ValueKind == JsonValueKind.Object:
                    Keywords(property.Value, unknown);
                    break;
            }
        }
    }
}
