using Vigie.Core.Formats.Evaluations;

namespace Vigie.Core.Risk;

/// <summary>A metric imported for a version: which evaluation it came from (and its log index, later wins), and its stage.</summary>
public sealed record ObservedResult(string EvaluationId, long Index, string Stage, MetricResult Metric);
