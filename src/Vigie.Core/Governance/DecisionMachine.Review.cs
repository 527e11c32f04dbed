namespace Vigie.Core.Governance;

/// <summary>The steps beside sign-offs: veto, recusal, dissent and reversal.</summary>
public static partial class DecisionMachine
{
    private static Transition Veto(DecisionRule rule, DecisionState state, VetoDecision e, DateTimeOffset time)
    {
        if (RefuseUnlessOpen(state, "vetoes") is { } closed) return closed;
        if (rule.VetoRoles.Count == 0)
        {
            return Transition.Refuse(RefusalKind.NotPermitted, $"The charter gives no one a veto over {state.Type} decisions.");
        }

        if (!rule.MayVeto(e.Roles))
        {
            return Transition.Refuse(RefusalKind.NotPermitted,
                $"A veto over {state.Type} decisions belongs to {string.Join(", ", rule.VetoRoles)}; {e.Actor} has {Roles(e.Roles)}.");
        }

        if (RefuseIfRecused(state, e.Actor, "veto") is { } recused) return recused;
        if (string.IsNullOrWhiteSpace(e.Reason))
        {
            return Transition.Refuse(RefusalKind.Invalid, "A veto needs its reason written out; it is recorded with the decision.");
        }

        return Transition.To(state with { Veto = new Veto(e.Entry, e.Actor, e.Reason, time) });
    }

    private static Transition Recuse(DecisionRule rule, DecisionState state, RecuseFromDecision e, DateTimeOffset time)
    {
        if (RefuseUnlessOpen(state, "recusals") is { } closed) return closed;
        if (string.IsNullOrWhiteSpace(e.Person) || string.IsNullOrWhiteSpace(e.Reason))
        {
            return Transition.Refuse(RefusalKind.Invalid, "A recusal names the person and the conflict of interest.");
        }

        if (e.Person != e.Actor && !rule.Recusal.MayRecuseOthers.Any(r => e.Roles.Contains(r, StringComparer.Ordinal)))
        {
            var who = rule.Recusal.MayRecuseOthers.Count == 0 ? "no role" : string.Join(", ", rule.Recusal.MayRecuseOthers);
            return Transition.Refuse(RefusalKind.NotPermitted,
                $"Anyone may recuse themselves; recusing someone else from a {state.Type} decision needs {who}, and {e.Actor} has {Roles(e.Roles)}.");
        }

        if (state.RecusalOf(e.Person) is { } existing)
        {
            return Transition.Refuse(RefusalKind.Conflict, $"{e.Person} is already recused from {state.Id} ({existing.Reason}).");
        }

        // A recused person's sign-off stops counting; if their stage loses its quorum, later
        // stages signed on the strength of it must be given again.
        var signOffs = state.SignOffs
            .Select(s => s.Signer == e.Person && s.Counts ? s with { Status = SignOffStatus.Withdrawn, StatusReason = $"{e.Person} was recused: {e.Reason}" } : s)
            .ToList();
        var next = state with { SignOffs = signOffs, Recusals = [.. state.Recusals, new Recusal(e.Entry, e.Person, e.Actor, e.Reason, time)] };
        return Transition.To(StaleBeyondProgress(rule, next));
    }

    private static DecisionState StaleBeyondProgress(DecisionRule rule, DecisionState state)
    {
        var progress = DecisionProgress.Of(rule, state);
        var reached = progress.Stages.Where(t => t.Result != StageResult.NotReached).Select(t => t.Stage.Name).ToHashSet(StringComparer.Ordinal);
        if (progress.Current is not { } current)
        {
            return state;
        }

        var reason = $"stage '{current.Stage.Name}' no longer has its quorum; sign again once it does";
        return state with
        {
            SignOffs = state.SignOffs
                .Select(s => s.Counts && !reached.Contains(s.Stage) ? s with { Status = SignOffStatus.Stale, StatusReason = reason } : s)
                .ToList(),
        };
    }

    private static Transition Dissent(DecisionState state, DissentFromDecision e, DateTimeOffset time)
    {
        if (e.ConfidentialReason is not null && string.IsNullOrWhiteSpace(e.ConfidentialReason))
        {
            return Transition.Refuse(RefusalKind.Invalid, "A confidential dissent needs its reason for confidentiality written out; that reason is public.");
        }

        if (e.ConfidentialReason is null && string.IsNullOrWhiteSpace(e.Statement))
        {
            return Transition.Refuse(RefusalKind.Invalid, "A dissent needs a statement saying what you disagree with and why.");
        }

        if (e.Statement is not null && string.IsNullOrWhiteSpace(e.Statement))
        {
            return Transition.Refuse(RefusalKind.Invalid, "The dissent statement is empty.");
        }

        return Transition.To(state with { Dissents = [.. state.Dissents, new Dissent(e.Entry, e.Actor, e.Statement, e.ConfidentialReason, time)] });
    }

    private static Transition Attach(DecisionState state, AttachDissentStatement e)
    {
        var target = state.Dissents.FirstOrDefault(d => d.Entry == e.DissentEntry);
        if (target is null || !target.IsConfidential || target.Statement is not null || target.Author != e.Actor)
        {
            return Transition.Refuse(RefusalKind.Conflict,
                $"Log entry {e.DissentEntry} is not a confidential dissent by {e.Actor} on {state.Id} awaiting its statement.");
        }

        if (string.IsNullOrWhiteSpace(e.Statement))
        {
            return Transition.Refuse(RefusalKind.Invalid, "A dissent needs a statement saying what you disagree with and why.");
        }

        return Transition.To(state with
        {
            Dissents = state.Dissents.Select(d => d.Entry == e.DissentEntry ? d with { Statement = e.Statement } : d).ToList(),
        });
    }

    private static Transition Reverse(DecisionRule rule, DecisionState state, ReverseDecision e, DateTimeOffset time)
    {
        switch (state.Status)
        {
            case DecisionStatus.Open:
                return Transition.Refuse(RefusalKind.Conflict, $"{state.Id} is still open; only an approved decision can be reversed.");
            case DecisionStatus.Rejected:
                return Transition.Refuse(RefusalKind.Conflict, $"{state.Id} was rejected; only an approved decision can be reversed.");
            case DecisionStatus.Reversed:
                return Transition.Refuse(RefusalKind.Conflict, $"{state.Id} was already reversed by {state.Reversal!.By} at log entry {state.Reversal.Entry}.");
        }

        if (rule.Review is not { } review)
        {
            return Transition.Refuse(RefusalKind.NotPermitted, $"The charter gives no review of {state.Type} decisions, so they cannot be reversed.");
        }

        if (!e.Roles.Contains(review.Role, StringComparer.Ordinal))
        {
            return Transition.Refuse(RefusalKind.NotPermitted,
                $"Reversing a {state.Type} decision belongs to {review.Role}; {e.Actor} has {Roles(e.Roles)}.");
        }

        if (RefuseIfRecused(state, e.Actor, "reverse") is { } recused) return recused;
        var closesAt = review.ClosesAt(state.ClosedAt!.Value);
        if (time > closesAt)
        {
            return Transition.Refuse(RefusalKind.WindowClosed,
                $"The review window for {state.Id} closed at {closesAt:yyyy-MM-dd HH:mm:ss} UTC ({review.Days} days after its approval); " +
                "it can no longer be reversed. Open a new decision to change course.");
        }

        if (string.IsNullOrWhiteSpace(e.Reason))
        {
            return Transition.Refuse(RefusalKind.Invalid, "A reversal needs its reason written out; it is recorded with the decision.");
        }

        return Transition.To(state with { Status = DecisionStatus.Reversed, Reversal = new Reversal(e.Entry, e.Actor, e.Reason, time) });
    }
}
