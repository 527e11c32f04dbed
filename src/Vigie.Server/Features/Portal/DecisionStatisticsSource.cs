using Vigie.Core.Governance;
using Vigie.Server.Features.Decisions;

namespace Vigie.Server.Features.Portal;

/// <summary>Decisions, sign-offs, vetoes (overrides), reversals and dissents, counted over public decisions.</summary>
public sealed class DecisionStatisticsSource(DecisionQueries decisions) : IGovernanceStatisticsSource
{
    public async Task<StatisticsGroup> StatisticsAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var all = await decisions.PublicStatesAsync(cancellationToken);
        var opened = all.Where(d => period.Contains(d.Summary.OpenedAt)).ToList();
        List<long> Closed(DecisionStatus status) =>
            all.Where(d => d.State.Status == status && d.State.ClosedEntry is not null && period.Contains(d.Summary.ClosedAt))
                .Select(d => d.State.ClosedEntry!.Value).ToList();
        var vetoes = all.Select(d => d.State.Veto).OfType<Veto>().Where(v => period.Contains(Core.Ledger.LedgerTime.Format(v.At))).Select(v => v.Entry).ToList();
        var reversals = all.Select(d => d.State.Reversal).OfType<Reversal>().Where(r => period.Contains(Core.Ledger.LedgerTime.Format(r.At))).Select(r => r.Entry).ToList();
        var dissents = all.SelectMany(d => d.State.Dissents).Where(x => period.Contains(Core.Ledger.LedgerTime.Format(x.At))).ToList();
        var signOffs = all.SelectMany(d => d.State.SignOffs).Where(x => period.Contains(Core.Ledger.LedgerTime.Format(x.At))).Select(x => x.Entry).ToList();

        // A reversed decision was approved first: count it among approvals as well as reversals.
        var approved = Closed(DecisionStatus.Approved);
        approved.AddRange(all.Where(d => d.State.Status == DecisionStatus.Reversed && d.State.ClosedEntry is not null && period.Contains(d.Summary.ClosedAt))
            .Select(d => d.State.ClosedEntry!.Value));
        approved.Sort();
        return new StatisticsGroup("decisions", "Decisions", [
            new("opened", "Decisions opened", opened.Count, opened.Select(d => d.Summary.LogIndex).ToList()),
            new("approved", "Approved", approved.Count, approved),
            new("rejected", "Rejected", Closed(DecisionStatus.Rejected).Count, Closed(DecisionStatus.Rejected)),
            new("vetoed", "Vetoed (overridden by the body that may veto)", vetoes.Count, vetoes),
            new("reversed", "Reversed after approval", reversals.Count, reversals),
            new("open", "Still open", all.Count(d => d.State.IsOpen && period.Contains(d.Summary.OpenedAt)), opened.Where(d => d.State.IsOpen).Select(d => d.Summary.LogIndex).ToList()),
            new("sign-offs", "Sign-offs recorded", signOffs.Count, signOffs),
            new("dissents", "Dissents recorded", dissents.Count, dissents.Select(d => d.Entry).ToList()),
            new("confidential-dissents", "of which with a confidential statement", dissents.Count(d => d.IsConfidential), dissents.Where(d => d.IsConfidential).Select(d => d.Entry).ToList()),
        ], "Public decisions only; internal decisions appear among the withheld entries with their stated reasons.");
    }
}
