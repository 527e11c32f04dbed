using Vigie.Core.Governance;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Risk;

/// <summary>Reads a framework's <c>risk-matrix</c>: likelihood and severity labels (2 to 10 each) and the rating bands.</summary>
internal static class RiskMatrixReader
{
    public static RiskMatrix? Read(YamlNode node, List<CharterError> errors)
    {
        var fields = YamlFields.Of(node, "'risk-matrix'", errors);
        if (fields is null)
        {
            return null;
        }

        fields.AllowOnly("likelihood", "severity", "ratings");
        var likelihood = Labels(fields, "likelihood", errors);
        var severity = Labels(fields, "severity", errors);
        var bands = new List<RiskBand>();
        if (fields.Get("ratings", required: true) is { } ratingsNode)
        {
            if (ratingsNode is not YamlSequenceNode { Children.Count: > 0 } list)
            {
                YamlFields.Add(errors, ratingsNode, "'ratings' of 'risk-matrix' must list bands such as { up-to: 4, rating: low }, lowest first.");
            }
            else
            {
                foreach (var item in list.Children)
                {
                    if (YamlFields.Of(item, "a rating band", errors) is not { } band)
                    {
                        continue;
                    }

                    band.AllowOnly("up-to", "rating");
                    var upTo = band.Integer("up-to", required: true, min: 1, max: 100);
                    var rating = band.Text("rating", required: true, maxLength: 20);
                    if (rating is not null && !RiskScale.IsLevel(rating))
                    {
                        YamlFields.Add(errors, band.Get("rating", false)!, $"a band's rating must be one of {string.Join(", ", RiskScale.Levels)}.");
                        continue;
                    }

                    if (upTo is null || rating is null)
                    {
                        continue;
                    }

                    if (bands.Count > 0 && upTo <= bands[^1].UpTo)
                    {
                        YamlFields.Add(errors, item, "rating bands must be listed with rising 'up-to' scores.");
                    }

                    bands.Add(new RiskBand(upTo.Value, rating));
                }
            }
        }

        if (likelihood is null || severity is null || bands.Count == 0)
        {
            return null;
        }

        if (bands[^1].UpTo < likelihood.Count * severity.Count)
        {
            YamlFields.Add(errors, node, $"the last rating band ends at {bands[^1].UpTo}, but the matrix reaches {likelihood.Count * severity.Count}; cover every score.");
            return null;
        }

        return new RiskMatrix(likelihood, severity, bands);
    }

    private static List<string>? Labels(YamlFields fields, string key, List<CharterError> errors)
    {
        var node = fields.Get(key, required: true);
        if (node is null)
        {
            return null;
        }

        if (node is YamlSequenceNode { Children.Count: >= 2 and <= 10 } list &&
            list.Children.All(c => c is YamlScalarNode { Value.Length: > 0 and <= 60 }))
        {
            return list.Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
        }

        YamlFields.Add(errors, node, $"'{key}' of 'risk-matrix' must list 2 to 10 labels, lowest first.");
        return null;
    }
}
