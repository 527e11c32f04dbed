namespace Vigie.Core.Policies;

/// <summary>
/// One named rule of a policy, as written. <see cref="When"/> (optional) says whether the rule is
/// relevant to a dossier; <see cref="Require"/> must then hold. Both are CEL expressions over the
/// variable <c>dossier</c>. <see cref="Reads"/> lists the dossier paths the expressions can read
/// (see <c>docs/dossier.md</c>), in the order they appear; <see cref="Line"/> and
/// <see cref="Column"/> locate the rule in the policy text.
/// </summary>
public sealed record PolicyRule(
    string Id,
    IReadOnlyList<string> AppliesTo,
    string? When,
    string Require,
    RuleSeverity Severity,
    string Message,
    string Implements,
    long Line,
    long Column,
    IReadOnlyList<string> Reads)
{
    public bool AppliesToAction(string action) => AppliesTo.Contains(action, StringComparer.Ordinal);

    /// <summary>
    /// Whether the rule's outcome depends on the dossier's waivers (it reads <c>dossier.waivers</c>,
    /// or the whole dossier). Such a rule judges waivers; waiving it would let a waiver excuse the
    /// check on waivers — a loop — so the gate refuses waivers of it.
    /// </summary>
    public bool ReadsWaivers => Reads.Any(p =>
        p == "dossier" || p == "dossier.waivers" ||
        p.StartsWith("dossier.waivers.", StringComparison.Ordinal) || p.StartsWith("dossier.waivers[", StringComparison.Ordinal));
}
