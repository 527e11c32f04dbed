using Vigie.Core.Governance;
using Xunit;

namespace Vigie.Core.Tests.Governance;

/// <summary>
/// Drives one decision through the state machine as a server would: each accepted step gets the
/// next log entry number, the clock moves on by a minute per step unless told otherwise.
/// </summary>
internal sealed class Scenario
{
    public const string Evidence = "aaaa1111bbbb2222cccc3333dddd4444eeee5555ffff6666aaaa7777bbbb8888";

    private long _entry = 100;

    public Scenario(Charter charter, string type, string opener = "olga", string? proposedCharter = null, string? system = "model-x", string? version = "1.0")
    {
        Charter = charter;
        Rule = charter.RuleFor(type);
        Now = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var opened = DecisionMachine.Open(charter,
            new OpenDecision("dec-100", _entry, opener, type, system, version, "Ship model-x 1.0", Evidence, proposedCharter), Now);
        Assert.False(opened.IsRefused, opened.Refusal?.Message);
        State = opened.State!;
    }

    public Charter Charter { get; }

    public DecisionRule Rule { get; }

    public DecisionState State { get; private set; }

    public DateTimeOffset Now { get; set; }

    public long NextEntry => _entry + 1;

    public DecisionProgress Progress => DecisionProgress.Of(Rule, State);

    public Transition Try(IDecisionEvent step)
    {
        var result = DecisionMachine.Apply(Rule, State, step, Now);
        if (!result.IsRefused)
        {
            State = result.State!;
            _entry++;
            Now = Now.AddMinutes(1);
        }

        return result;
    }

    public void Do(IDecisionEvent step)
    {
        var result = Try(step);
        Assert.False(result.IsRefused, result.Refusal?.Message);
    }

    public Refusal Refused(IDecisionEvent step, RefusalKind kind)
    {
        var before = State;
        var result = Try(step);
        Assert.True(result.IsRefused, $"Expected a {kind} refusal, but the step was accepted.");
        Assert.Equal(kind, result.Refusal!.Kind);
        Assert.Same(before, State);
        return result.Refusal;
    }

    public SignDecision Sign(string who, string role, Verdict verdict = Verdict.Approve, string? justification = null,
        string? conditions = null, string? digest = null, string? stage = null) =>
        new(NextEntry, who, [role], verdict, conditions, "looked at the evals", justification, digest ?? State.SnapshotDigest, stage);

    public void Approve(string who, string role) => Do(Sign(who, role));

    /// <summary>Closes the decision when it is ready, as a server does in the same batch as the last step.</summary>
    public void CloseIfReady()
    {
        if (Progress.ReadyOutcome is { } outcome)
        {
            Do(new CloseDecision(NextEntry, outcome));
        }
    }
}
