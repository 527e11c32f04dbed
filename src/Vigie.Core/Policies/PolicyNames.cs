namespace Vigie.Core.Policies;

/// <summary>The stable names of severities, outcomes and verdicts in policies and in the gate's JSON.</summary>
public static class PolicyNames
{
    public static string Name(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Block => "block",
        RuleSeverity.Warn => "warn",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    public static string Name(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Pass => "pass",
        RuleOutcome.Fail => "fail",
        RuleOutcome.Waived => "waived",
        RuleOutcome.NotApplicable => "not-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static string Name(GateVerdict verdict) => verdict switch
    {
        GateVerdict.Allow => "allow",
        GateVerdict.Deny => "deny",
        GateVerdict.AllowWithWarnings => "allow-with-warnings",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    public static bool TryParseSeverity(string? text, out RuleSeverity severity)
    {
        switch (text)
        {
            case "block":
                severity = RuleSeverity.Block;
                return true;
            case "warn":
                severity = RuleSeverity.Warn;
                return true;
            default:
                severity = default;
                return false;
        }
    }
}
