namespace Vigie.Core.Governance;

/// <summary>
/// The decision state machine: pure functions (state, step, time) → new state or a refusal that
/// says what to do instead. The server runs the same functions before it appends a step and
/// again inside the ledger transaction, so concurrent requests cannot break the charter's rules.
/// </summary>
public static partial class DecisionMachine
{
    public static Transition Open(Charter charter, OpenDecision e, DateTimeOffset time)
    {
        if (!DecisionTypes.IsKnown(e.Type))
        {
            return Transition.Refuse(RefusalKind.Invalid, $"'{e.Type}' is not a decision type; types are: {string.Join(", ", DecisionTypes.All)}.");
        }

        if (string.IsNullOrWhiteSpace(e.Title))
        {
            return Transition.Refuse(RefusalKind.Invalid, "Give the decision a title that says what is being decided.");
        }

        if (DecisionTypes.IsAboutASystemVersion(e.Type) && (string.IsNullOrEmpty(e.System) || string.IsNullOrEmpty(e.Version)))
        {
            return Transition.Refuse(RefusalKind.Invalid, $"A {e.Type} decision is about one version of one system: give both system and version.");
        }

        if (string.IsNullOrEmpty(e.System) != string.IsNullOrEmpty(e.Version))
        {
            return Transition.Refuse(RefusalKind.Invalid, "Give system and version together, or neither.");
        }

        if ((e.Type == DecisionTypes.CharterChange) != (e.ProposedCharterDigest is not null))
        {
            return Transition.Refuse(RefusalKind.Invalid, e.Type == DecisionTypes.CharterChange
                ? "A charter-change decision carries the proposed charter: give its YAML text."
                : $"Only a charter-change decision carries a proposed charter, not a {e.Type} decision.");
        }

        if (string.IsNullOrEmpty(e.SnapshotDigest))
        {
            return Transition.Refuse(RefusalKind.Invalid, "A decision binds to an evidence snapshot; its digest is missing.");
        }

        var rule = charter.RuleFor(e.Type);
        IReadOnlyList<Recusal> recusals = rule.Recusal.OpenerRecused
            ? [new Recusal(e.Entry, e.Actor, "charter", $"opened the decision; under charter '{charter.Name}' the person who proposes a {e.Type} decision does not sign it", time)]
            : [];
        return Transition.To(new DecisionState(
            e.Id, e.Type, NullIfEmpty(e.System), NullIfEmpty(e.Version), e.Title, charter.Digest, e.ProposedCharterDigest,
            e.Entry, e.Actor, time, e.SnapshotDigest, [], recusals, [], []));
    }

    /// <summary>Applies one step to an opened decision under the rule of its type.</summary>
    public static Transition Apply(DecisionRule rule, DecisionState state, IDecisionEvent step, DateTimeOffset time) => step switch
    {
        SignDecision e => Sign(rule, state, e, time),
        ChangeEvidence e => ChangeEvidence(rule, state, e, time),
        VetoDecision e => Veto(rule, state, e, time),
        CloseDecision e => Close(rule, state, e, time),
        RecuseFromDecision e => Recuse(rule, state, e, time),
        DissentFromDecision e => Dissent(state, e, time),
        AttachDissentStatement e => Attach(state, e),
        ReverseDecision e => Reverse(rule, state, e, time),
        _ => throw new ArgumentException($"Unknown decision step {step.GetType().Name}.", nameof(step)),
    };

    private static Transition Sign(DecisionRule rule, DecisionState state, SignDecision e, DateTimeOffset time)
    {
        if (RefuseUnlessOpen(state, "sign-offs") is { } closed) return closed;
        if (RefuseIfRecused(state, e.Actor, "sign") is { } recused) return recused;
        var progress = DecisionProgress.Of(rule, state);
        if (progress.Current is not { } current)
        {
            return Transition.Refuse(RefusalKind.Conflict, $"Every stage of {state.Id} is decided; it is being closed and takes no more sign-offs.");
        }

        var stage = current.Stage;
        if (!e.Roles.Contains(stage.Role, StringComparer.Ordinal))
        {
            return RefuseWrongStage(rule, state, progress, e);
        }

        if (state.CountingSignOffBy(e.Actor) is { } earlier)
        {
            return Transition.Refuse(RefusalKind.AlreadySigned,
                $"{e.Actor} already signed {state.Id} at stage '{earlier.Stage}' (log entry {earlier.Entry}); one person signs a decision once. " +
                "To disagree now, record a dissent.");
        }

        if (e.SnapshotDigest != state.SnapshotDigest)
        {
            var change = state.EvidenceChanges.Count > 0 ? $" (it changed at log entry {state.EvidenceChanges[^1].Entry})" : "";
            return Transition.Refuse(RefusalKind.StaleEvidence,
                $"You signed on evidence snapshot {ShortDigest(e.SnapshotDigest)}, but {state.Id} is now bound to {ShortDigest(state.SnapshotDigest)}{change}. " +
                "Review the current evidence and sign again.");
        }

        if (e.Stage is not null && e.Stage != stage.Name)
        {
            return Transition.Refuse(RefusalKind.OutOfOrder,
                $"You signed for stage '{e.Stage}', but {state.Id} is now at stage '{stage.Name}'. Look at the decision again and sign for the current stage.");
        }

        if (CheckVerdict(e) is { } invalid) return invalid;
        var recommendation = progress.RecommendationBefore(progress.CurrentStage!.Value);
        if (recommendation is { } recommended && recommended != (e.Verdict != Verdict.Reject) && string.IsNullOrWhiteSpace(e.Justification))
        {
            return Transition.Refuse(RefusalKind.JustificationRequired,
                $"The recommendation before stage '{stage.Name}' was to {(recommended ? "approve" : "reject")}; " +
                $"to {(recommended ? "reject" : "approve")} against it, write a justification (it is recorded with your sign-off).");
        }

        var signOff = new SignOff(e.Entry, e.Actor, stage.Name, e.Verdict, NullIfEmpty(e.Conditions), NullIfEmpty(e.Comment),
            NullIfEmpty(e.Justification), e.SnapshotDigest, time);
        return Transition.To(state with { SignOffs = [.. state.SignOffs, signOff] });
    }

    private static Transition RefuseWrongStage(DecisionRule rule, DecisionState state, DecisionProgress progress, SignDecision e)
    {
        var current = progress.Current!;
        var index = progress.CurrentStage!.Value;
        var later = progress.Stages.Skip(index + 1).FirstOrDefault(t => e.Roles.Contains(t.Stage.Role, StringComparer.Ordinal));
        if (later is not null)
        {
            return Transition.Refuse(RefusalKind.OutOfOrder,
                $"Stage '{later.Stage.Name}' ({later.Stage.Role}) signs only after stage '{current.Stage.Name}' ({current.Stage.Role}) " +
                $"reaches its quorum of {current.Stage.Quorum}; it has {current.Approvals} approval(s) so far. Wait for it.");
        }

        var done = progress.Stages.Take(index).FirstOrDefault(t => e.Roles.Contains(t.Stage.Role, StringComparer.Ordinal));
        if (done is not null)
        {
            return Transition.Refuse(RefusalKind.OutOfOrder,
                $"Stage '{done.Stage.Name}' ({done.Stage.Role}) is complete: it {done.Describe()}. " +
                $"{state.Id} now waits for stage '{current.Stage.Name}' ({current.Stage.Role}).");
        }

        var needed = string.Join(", ", rule.Stages.Select(s => $"{s.Role} (stage '{s.Name}')").Distinct());
        return Transition.Refuse(RefusalKind.NotPermitted,
            $"Signing a {state.Type} decision needs one of the roles {needed}; {e.Actor} has {Roles(e.Roles)}. " +
            $"Stage '{current.Stage.Name}' is signed by {current.Stage.Role}.");
    }

    private static Transition? CheckVerdict(SignDecision e) => e.Verdict switch
    {
        Verdict.ApproveWithConditions when string.IsNullOrWhiteSpace(e.Conditions) =>
            Transition.Refuse(RefusalKind.Invalid, "An approval with conditions needs the conditions written out."),
        Verdict.Approve or Verdict.Reject when !string.IsNullOrEmpty(e.Conditions) =>
            Transition.Refuse(RefusalKind.Invalid, "Conditions belong to an approval with conditions; drop them or approve with conditions."),
        _ => null,
    };

    private static Transition ChangeEvidence(DecisionRule rule, DecisionState state, ChangeEvidence e, DateTimeOffset time)
    {
        if (RefuseUnlessOpen(state, "evidence changes (a closed decision keeps the evidence it was decided on)") is { } closed) return closed;
        if (e.NewDigest == state.SnapshotDigest)
        {
            return Transition.Refuse(RefusalKind.Conflict, $"{state.Id} is already bound to evidence snapshot {ShortDigest(e.NewDigest)}.");
        }

        if (e.OldDigest != state.SnapshotDigest)
        {
            return Transition.Refuse(RefusalKind.Conflict,
                $"The change starts from snapshot {ShortDigest(e.OldDigest)}, but {state.Id} is bound to {ShortDigest(state.SnapshotDigest)}; take the snapshot again.");
        }

        var reason = $"the evidence changed at log entry {e.Entry}; sign again on snapshot {ShortDigest(e.NewDigest)}";
        var signOffs = state.SignOffs.Select(s => s.Counts ? s with { Status = SignOffStatus.Stale, StatusReason = reason } : s).ToList();
        return Transition.To(state with
        {
            SnapshotDigest = e.NewDigest,
            SignOffs = signOffs,
            EvidenceChanges = [.. state.EvidenceChanges, new EvidenceChange(e.Entry, e.OldDigest, e.NewDigest, time)],
        });
    }

    private static Transition Close(DecisionRule rule, DecisionState state, CloseDecision e, DateTimeOffset time)
    {
        if (RefuseUnlessOpen(state, "closing") is { } closed) return closed;
        var progress = DecisionProgress.Of(rule, state);
        if (progress.ReadyOutcome is not { } outcome)
        {
            var current = progress.Current!;
            return Transition.Refuse(RefusalKind.Conflict,
                $"{state.Id} cannot close yet: stage '{current.Stage.Name}' has {current.Describe()}.");
        }

        if (outcome != e.Outcome)
        {
            return Transition.Refuse(RefusalKind.Conflict, $"{state.Id} closes as {Name(outcome)}, not {Name(e.Outcome)}.");
        }

        return Transition.To(state with { Status = outcome, ClosedAt = time, ClosedEntry = e.Entry });
    }

    private static Transition? RefuseUnlessOpen(DecisionState state, string what) =>
        state.IsOpen
            ? null
            : Transition.Refuse(RefusalKind.Closed,
                $"{state.Id} is closed ({Name(state.Status)} at {state.ClosedAt:yyyy-MM-dd HH:mm} UTC) and takes no more {what}. You can still record a dissent.");

    private static Transition? RefuseIfRecused(DecisionState state, string person, string action) =>
        state.RecusalOf(person) is { } recusal
            ? Transition.Refuse(RefusalKind.Recused, $"{person} is recused from {state.Id} ({recusal.Reason}) and cannot {action} it.")
            : null;

    internal static string Name(DecisionStatus status) => status.ToString().ToLowerInvariant();

    public static string ShortDigest(string digest) => digest.Length > 12 ? digest[..12] + "…" : digest;

    private static string Roles(IReadOnlyCollection<string> roles) => roles.Count == 0 ? "no role" : string.Join(", ", roles);

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
