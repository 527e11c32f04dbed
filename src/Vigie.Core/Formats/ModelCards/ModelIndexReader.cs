using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Reads <c>model-index</c>: the first entry's name and results become <c>model.name</c> and
/// <c>evaluation.results</c>; each result's task, dataset, metrics and source are flattened into
/// one record. Keys the format does not define (and values that do not fit) stay in the
/// record's <c>extra</c>, nested as they were; entries that cannot be read at all stay in
/// <c>extra["model-index"]</c>.
/// </summary>
internal sealed class ModelIndexReader(ImportContext context, HfMetadataReader reader)
{
    private static readonly IReadOnlyList<(string Part, string Key, string Field)> Flattened =
    [
        ("task", "type", "taskType"), ("task", "name", "taskName"),
        ("dataset", "type", "datasetType"), ("dataset", "name", "datasetName"), ("dataset", "config", "datasetConfig"),
        ("dataset", "split", "datasetSplit"), ("dataset", "revision", "datasetRevision"), ("dataset", "args", "datasetArgs"),
        ("source", "name", "sourceName"), ("source", "url", "sourceUrl"),
    ];

    public void Read(JsonNode? value, JsonObject extra)
    {
        var unread = new JsonArray();
        if (value is not JsonArray entries)
        {
            context.KeptAside(HfKeys.ModelIndex, value, "is not a list of models", "extra.model-index");
            extra[HfKeys.ModelIndex] = value?.DeepClone();
            return;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (i == 0 && entries[0] is JsonObject first && IsReadable(first))
            {
                reader.Place(HfKeys.NamePath, first["name"], "model-index[0].name", v => unread.Add(v), "extra.model-index");
                if (first["results"] is JsonArray results && results.Count > 0)
                {
                    reader.Place(HfKeys.ResultsPath, new JsonArray([.. results.Select((r, n) => (JsonNode)Result(r, n))]),
                        "model-index[0].results", v => unread.Add(v), "extra.model-index");
                }

                continue;
            }

            if (i == 0)
            {
                context.KeptAside("model-index[0]", entries[0], "needs a name and a results list and nothing else", "extra.model-index");
            }

            unread.Add(entries[i]?.DeepClone());
        }

        if (unread.Count > 0)
        {
            extra[HfKeys.ModelIndex] = unread;
        }
    }

    private static bool IsReadable(JsonObject entry) =>
        JsonNodes.TryGetString(entry["name"], out _) &&
        entry.All(p => p.Key is "name" or "results") &&
        entry["results"] is null or JsonArray;

    private JsonObject Result(JsonNode? value, int index)
    {
        var record = new JsonObject();
        var kept = new JsonObject();
        var origin = $"model-index[0].results[{index}]";
        if (value is not JsonObject result)
        {
            context.KeptAside(origin, value, "is not a mapping", $"{HfKeys.ResultsPath}[{index}].extra");
            kept["value"] = value?.DeepClone();
            record["extra"] = kept;
            return record;
        }

        foreach (var (part, item) in result)
        {
            if (part == "metrics" && item is JsonArray metrics)
            {
                record["metrics"] = new JsonArray([.. metrics.Select((m, n) => (JsonNode)Metric(m, $"{origin}.metrics[{n}]"))]);
            }
            else if (item is JsonObject fields && Flattened.Any(f => f.Part == part))
            {
                foreach (var (key, v) in fields)
                {
                    var flat = Flattened.FirstOrDefault(f => f.Part == part && f.Key == key);
                    if (flat.Field is null || !TryPut(record, EvaluationFields.ResultFields, flat.Field, v, $"{origin}.{part}.{key}"))
                    {
                        ((JsonObject)(kept[part] ??= new JsonObject()))[key] = v?.DeepClone();
                    }
                }
            }
            else
            {
                kept[part] = item?.DeepClone();
            }
        }

        if (kept.Count > 0)
        {
            record["extra"] = kept;
        }

        return record;
    }

    private JsonObject Metric(JsonNode? value, string origin)
    {
        var metric = new JsonObject();
        var kept = new JsonObject();
        if (value is JsonObject fields)
        {
            foreach (var (key, v) in fields)
            {
                if (key == "extra" || !TryPut(metric, EvaluationFields.MetricFields, key, v, $"{origin}.{key}"))
                {
                    kept[key] = v?.DeepClone();
                }
            }
        }
        else
        {
            context.KeptAside(origin, value, "is not a mapping", "the metric's extra");
            kept["value"] = value?.DeepClone();
        }

        if (kept.Count > 0)
        {
            metric["extra"] = kept;
        }

        return metric;
    }

    /// <summary>Puts a value in a record's field if the field exists and the value fits; warns when a known field does not fit.</summary>
    private bool TryPut(JsonObject record, IReadOnlyList<CardField> fields, string name, JsonNode? value, string origin)
    {
        var field = fields.FirstOrDefault(f => f.Name == name);
        if (field is null || field.Name == "extra" || value is null)
        {
            return false;
        }

        var fitted = context.Fit(field, value, out var problem);
        if (problem is not null)
        {
            context.KeptAside(origin, value, problem, "the result's extra");
            return false;
        }

        record[name] = fitted;
        return true;
    }
}
