using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Policies;

/// <summary>A rule whose fields were read from YAML without error, with the nodes its conditions came from (for error positions).</summary>
internal sealed record RuleDraft(
    string Id,
    IReadOnlyList<string> AppliesTo,
    string? When,
    YamlScalarNode? WhenNode,
    string Require,
    YamlScalarNode RequireNode,
    RuleSeverity Severity,
    string Message,
    string Implements,
    long Line,
    long Column);
