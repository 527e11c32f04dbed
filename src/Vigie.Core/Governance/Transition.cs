namespace Vigie.Core.Governance;

/// <summary>The outcome of applying a step: the new state, or the refusal (never both).</summary>
public sealed record Transition(DecisionState? State, Refusal? Refusal)
{
    public bool IsRefused => Refusal is not null;

    public static Transition To(DecisionState state) => new(state, null);

    public static Transition Refuse(RefusalKind kind, string message) => new(null, new Refusal(kind, message));
}
