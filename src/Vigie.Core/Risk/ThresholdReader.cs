using Vigie.Core.Governance;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Risk;

/// <summary>Reads one threshold of a category: its level, the metric it reads, the value, margin and score range.</summary>
internal static class ThresholdReader
{
    public static Threshold? Read(YamlNode node, string category, List<FrameworkLevel> levels, double defaultMargin, List<CharterError> errors)
    {
        var where = $"a threshold of {category}";
        var fields = YamlFields.Of(node, where, errors);
        if (fields is null)
        {
            return null;
        }

        fields.AllowOnly("level", "task", "metric", "variant", "at-least", "at-most", "margin", "range", "description");
        var level = fields.Text("level", required: true, maxLength: 64);
        if (level is not null && levels.Count > 0 && levels.All(l => l.Id != level))
        {
            YamlFields.Add(errors, fields.Get("level", false)!, $"{where} names level '{level}', which is not among the levels: {string.Join(", ", levels.Select(l => l.Id))}.");
            level = null;
        }

        var task = fields.Text("task", required: true);
        var metric = fields.Text("metric", required: true);
        var variant = fields.Text("variant", required: false);
        var atLeast = fields.Number("at-least", required: false, min: -1e12, max: 1e12);
        var atMost = fields.Number("at-most", required: false, min: -1e12, max: 1e12);
        if ((atLeast is null) == (atMost is null))
        {
            YamlFields.Add(errors, node, $"{where} needs exactly one of 'at-least' (reached when the score rises to it) or 'at-most' (when it falls to it).");
        }

        var margin = fields.Number("margin", required: false, min: 0, max: 1e12) ?? defaultMargin;
        double low = 0, high = 1;
        if (fields.Get("range", false) is { } rangeNode)
        {
            if (rangeNode is YamlSequenceNode { Children.Count: 2 } pair &&
                double.TryParse((pair.Children[0] as YamlScalarNode)?.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out low) &&
                double.TryParse((pair.Children[1] as YamlScalarNode)?.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out high) &&
                double.IsFinite(low) && double.IsFinite(high) && low < high)
            {
            }
            else
            {
                YamlFields.Add(errors, rangeNode, $"'range' of {where} must be [low, high] with low below high, such as [0, 100] for a percentage.");
                (low, high) = (0, 1);
            }
        }

        var value = atLeast ?? atMost;
        if (value is { } v && (v <= low || v >= high))
        {
            YamlFields.Add(errors, node, $"{where}: the threshold {FrameworkReader.Invariant(v)} is not inside its score range [{FrameworkReader.Invariant(low)}, {FrameworkReader.Invariant(high)}]; give 'range' for scores that are not 0 to 1.");
            return null;
        }

        var description = fields.Text("description", required: false, maxLength: 2000);
        return level is null || task is null || metric is null || value is null || (atLeast is not null && atMost is not null)
            ? null
            : new Threshold(level, task, metric, variant, atLeast is not null ? ThresholdDirection.AtLeast : ThresholdDirection.AtMost, value.Value, margin, low, high, description);
    }
}
