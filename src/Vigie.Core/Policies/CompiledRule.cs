using Vigie.Core.Policies.Expressions;

namespace Vigie.Core.Policies;

/// <summary>
/// A rule ready to evaluate: its compiled conditions (cached for the life of the policy) and the
/// dossier paths its result is shown with (<see cref="Shown"/>: the read paths less those that
/// only lead to a longer one, so a gate result lists the values the rule looked at, not whole lists).
/// </summary>
internal sealed record CompiledRule(PolicyRule Rule, CelProgram? When, CelProgram Require, IReadOnlyList<ReadPath> Shown)
{
    public static IReadOnlyList<ReadPath> Leaves(IReadOnlyList<ReadPath> paths) =>
        [.. paths.Where(p => !paths.Any(q => q.Segments.Count > p.Segments.Count && q.StartsWith(p)))];
}
