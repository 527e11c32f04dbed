using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Vigie.Core.Governance;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Risk;

/// <summary>
/// Reads a framework from YAML (docs/user-guide.md, "Frameworks") and checks all of it before it
/// can be proposed: known keys only, levels and categories with unique ids, thresholds on known
/// levels, margins and ranges that make sense. Every error carries YamlDotNet's line and column.
/// </summary>
public static partial class FrameworkReader
{
    /// <summary>A framework travels inside one log entry with its proposal.</summary>
    public const int MaxBytes = 40 * 1024;

    public static FrameworkLoad Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > MaxBytes)
        {
            return Fail(new CharterError(0, 0, $"The framework is {bytes.Length} bytes; at most {MaxBytes} are allowed."));
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner && !string.IsNullOrEmpty(inner.Message) ? inner.Message : e.Message;
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            return Fail(new CharterError(e.Start.Line, e.Start.Column,
                "The YAML cannot be read: " + (message.StartsWith("(Line", StringComparison.Ordinal) && cut > 0 ? message[(cut + 3)..] : message)));
        }

        if (stream.Documents.Count != 1)
        {
            return Fail(new CharterError(0, 0, $"A framework file holds exactly one YAML document; this one holds {stream.Documents.Count}."));
        }

        var errors = new List<CharterError>();
        var framework = ReadDocument(stream.Documents[0].RootNode, CharterReader.Digest(text), errors);
        return errors.Count == 0 && framework is not null ? new FrameworkLoad(framework, []) : new FrameworkLoad(null, errors);
    }

    private static FrameworkLoad Fail(CharterError error) => new(null, [error]);

    private static Framework? ReadDocument(YamlNode root, string digest, List<CharterError> errors)
    {
        var top = YamlFields.Of(root, "the framework", errors);
        if (top is null)
        {
            return null;
        }

        top.AllowOnly("framework", "version", "title", "description", "source", "levels", "safety-margin", "missing-evaluation",
            "cadence", "forecast", "risk-matrix", "categories");
        var name = Id(top, "framework", "the framework's name", errors);
        var version = top.Integer("version", required: true, min: 1, max: 1_000_000);
        var title = top.Text("title", required: true);
        var description = top.Text("description", required: false, maxLength: 4000);
        var source = top.Text("source", required: false, maxLength: 1000);
        var margin = top.Number("safety-margin", required: false, min: 0, max: 1e12) ?? 0;
        var missing = MissingEvaluationRule.Unknown;
        if (top.Get("missing-evaluation", false) is { } missingNode)
        {
            switch ((missingNode as YamlScalarNode)?.Value)
            {
                case "unknown": break;
                case "reached": missing = MissingEvaluationRule.Reached; break;
                default:
                    YamlFields.Add(errors, missingNode, "'missing-evaluation' must be 'unknown' (the default: the level is unknown, never low) or 'reached'.");
                    break;
            }
        }

        var levels = Levels(top, errors);
        var cadence = Cadence(top, errors);
        var forecast = Forecast(top, errors);
        var matrix = top.Get("risk-matrix", false) is { } matrixNode ? RiskMatrixReader.Read(matrixNode, errors) : RiskMatrix.Default;
        var categories = new List<RiskCategory>();
        if (top.Get("categories", required: true) is { } categoriesNode)
        {
            if (categoriesNode is not YamlSequenceNode { Children.Count: > 0 } list)
            {
                YamlFields.Add(errors, categoriesNode, "'categories' must be a non-empty list of risk categories.");
            }
            else
            {
                foreach (var item in list.Children)
                {
                    if (Category(item, levels, margin, errors) is not { } category)
                    {
                        continue;
                    }

                    if (categories.Any(c => c.Id == category.Id))
                    {
                        YamlFields.Add(errors, item, $"two categories have the id '{category.Id}'; ids must differ.");
                        continue;
                    }

                    categories.Add(category);
                }
            }
        }

        return name is null || version is null || title is null || levels.Count == 0 || matrix is null
            ? null
            : new Framework(name, version.Value, title, description, source, digest, levels, categories, missing, cadence, forecast, matrix);
    }

    private static List<FrameworkLevel> Levels(YamlFields top, List<CharterError> errors)
    {
        var levels = new List<FrameworkLevel>();
        if (top.Get("levels", required: true) is not { } node)
        {
            return levels;
        }

        if (node is not YamlSequenceNode { Children.Count: >= 2 } list)
        {
            YamlFields.Add(errors, node, "'levels' must list at least two levels, lowest first (e.g. low, medium, high, critical).");
            return levels;
        }

        foreach (var item in list.Children)
        {
            var fields = YamlFields.Of(item, "a level", errors);
            if (fields is null)
            {
                continue;
            }

            fields.AllowOnly("id", "name", "risk", "asl", "description");
            var id = Id(fields, "id", "a level", errors);
            var label = id is null ? "a level" : $"level '{id}'";
            var levelName = fields.Text("name", required: false) ?? id;
            var risk = fields.Text("risk", required: true, maxLength: 20);
            if (risk is not null && !RiskScale.IsLevel(risk))
            {
                YamlFields.Add(errors, fields.Get("risk", false)!, $"'risk' of {label} must be one of {string.Join(", ", RiskScale.Levels)}.");
                risk = null;
            }

            var asl = fields.Integer("asl", required: false, min: 1, max: 10);
            var description = fields.Text("description", required: false, maxLength: 2000);
            if (id is null || risk is null)
            {
                continue;
            }

            if (levels.Any(l => l.Id == id))
            {
                YamlFields.Add(errors, item, $"two levels have the id '{id}'; ids must differ.");
                continue;
            }

            if (levels.Count > 0 && RiskScale.Levels.ToList().IndexOf(risk) < RiskScale.Levels.ToList().IndexOf(levels[^1].Risk))
            {
                YamlFields.Add(errors, item, $"{label} is risk '{risk}', below the level before it ('{levels[^1].Risk}'); list levels lowest first.");
            }

            levels.Add(new FrameworkLevel(id, levelName!, risk, asl, description));
        }

        return levels;
    }

    private static RiskCategory? Category(YamlNode node, List<FrameworkLevel> levels, double margin, List<CharterError> errors)
    {
        var fields = YamlFields.Of(node, "a category", errors);
        if (fields is null)
        {
            return null;
        }

        fields.AllowOnly("id", "name", "tracked", "description", "thresholds");
        var id = Id(fields, "id", "a category", errors);
        var label = id is null ? "a category" : $"category '{id}'";
        var name = fields.Text("name", required: false) ?? id;
        var tracked = fields.Boolean("tracked") ?? true;
        var description = fields.Text("description", required: false, maxLength: 4000);
        var thresholds = new List<Threshold>();
        if (fields.Get("thresholds", false) is { } list)
        {
            if (list is not YamlSequenceNode sequence)
            {
                YamlFields.Add(errors, list, $"'thresholds' of {label} must be a list.");
            }
            else
            {
                foreach (var item in sequence.Children)
                {
                    if (ThresholdReader.Read(item, label, levels, margin, errors) is { } threshold)
                    {
                        thresholds.Add(threshold);
                    }
                }
            }
        }

        if (levels.Count > 0 && thresholds.Any(t => t.Level == levels[0].Id))
        {
            YamlFields.Add(errors, fields.Get("thresholds", false)!, $"{label} has a threshold for '{levels[0].Id}', the lowest level, which is where every category starts.");
        }

        return id is null ? null : new RiskCategory(id, name!, tracked, description, thresholds);
    }

    private static EvaluationCadence Cadence(YamlFields top, List<CharterError> errors)
    {
        if (top.Get("cadence", false) is not { } node || YamlFields.Of(node, "'cadence'", errors) is not { } fields)
        {
            return EvaluationCadence.Default;
        }

        fields.AllowOnly("compute-multiple", "months");
        return new EvaluationCadence(
            fields.Number("compute-multiple", required: false, min: 1.01, max: 1000) ?? EvaluationCadence.Default.ComputeMultiple,
            fields.Integer("months", required: false, min: 1, max: 60) ?? EvaluationCadence.Default.Months);
    }

    private static ForecastSettings Forecast(YamlFields top, List<CharterError> errors)
    {
        if (top.Get("forecast", false) is not { } node || YamlFields.Of(node, "'forecast'", errors) is not { } fields)
        {
            return ForecastSettings.Default;
        }

        fields.AllowOnly("scale-up", "horizon-months", "confidence");
        return new ForecastSettings(
            fields.Number("scale-up", required: false, min: 1.01, max: 1e6) ?? ForecastSettings.Default.ScaleUp,
            fields.Integer("horizon-months", required: false, min: 1, max: 120) ?? ForecastSettings.Default.HorizonMonths,
            fields.Number("confidence", required: false, min: 0.5, max: 0.999) ?? ForecastSettings.Default.Confidence);
    }

    internal static string? Id(YamlFields fields, string key, string what, List<CharterError> errors)
    {
        var id = fields.Text(key, required: true, maxLength: 64);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            YamlFields.Add(errors, fields.Get(key, false)!, $"'{key}' of {what} ('{id}') must be lowercase letters, digits and '-', such as 'biological-chemical'.");
            return null;
        }

        return id;
    }

    internal static string Invariant(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
