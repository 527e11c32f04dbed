using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>Writes a flattened result record back in Hugging Face's nested model-index shape.</summary>
internal static class ModelIndexWriter
{
    private static readonly IReadOnlyList<(string Field, string Part, string Key)> Nested =
    [
        ("taskType", "task", "type"), ("taskName", "task", "name"),
        ("datasetName", "dataset", "name"), ("datasetType", "dataset", "type"), ("datasetConfig", "dataset", "config"),
        ("datasetSplit", "dataset", "split"), ("datasetRevision", "dataset", "revision"), ("datasetArgs", "dataset", "args"),
        ("sourceUrl", "source", "url"), ("sourceName", "source", "name"),
    ];

    private static readonly string[] MetricKeys = ["type", "value", "name", "verified", "args"];

    public static JsonObject Result(JsonObject record)
    {
        var result = new JsonObject();
        foreach (var part in new[] { "task", "dataset" })
        {
            AddPart(record, result, part);
        }

        if (record["metrics"] is JsonArray metrics)
        {
            result["metrics"] = new JsonArray([.. metrics.OfType<JsonObject>().Select(m => (JsonNode)Metric(m))]);
        }

        AddPart(record, result, "source");
        if (record["extra"] is JsonObject extra)
        {
            JsonMerge.Into(result, extra);
        }

        return result;
    }

    private static void AddPart(JsonObject record, JsonObject result, string part)
    {
        var values = new JsonObject();
        foreach (var (field, _, key) in Nested.Where(n => n.Part == part))
        {
            if (record[field] is { } value)
            {
                values[key] = value.DeepClone();
            }
        }

        if (values.Count > 0)
        {
            result[part] = values;
        }
    }

    private static JsonObject Metric(JsonObject record)
    {
        var metric = new JsonObject();
        foreach (var key in MetricKeys)
        {
            if (record[key] is { } value)
            {
                metric[key] = value.DeepClone();
            }
        }

        if (record["extra"] is JsonObject extra)
        {
            JsonMerge.Into(metric, extra);
        }

        return metric;
    }
}
