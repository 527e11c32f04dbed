using Vigie.Core.Governance;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;

namespace Vigie.Server.Features.Decisions;

/// <summary>
/// A decision as one person may see it: the JSON of GET /api/v1/decisions/{id} and what the
/// decision page shows. Confidential dissent statements are shown to their author, admins and
/// auditors only; everyone sees that they exist and why they are confidential.
/// </summary>
public sealed record DecisionView(
    string Id, long Index, string Type, string? System, string? Version, string Title, string? Description, string Status,
    string Visibility, string OpenedAt, string OpenedBy, string? ClosedAt, DecisionView.CharterRef Charter,
    DecisionView.SnapshotView Snapshot, IReadOnlyList<DecisionView.SnapshotRef> Snapshots, IReadOnlyList<DecisionView.StageView> Stages,
    string? CurrentStage, IReadOnlyList<DecisionView.SignOffView> SignOffs, IReadOnlyList<DecisionView.RecusalView> Recusals,
    IReadOnlyList<DecisionView.DissentView> Dissent, DecisionView.RulingView? Veto, DecisionView.ReviewView? Review,
    DecisionView.RulingView? Reversal, DecisionView.ProposalView? ProposedCharter, IReadOnlyList<DecisionView.TimelineItem> Timeline)
{
    public sealed record CharterRef(string Name, long Version, string Digest, long Index);

    /// <summary>The evidence bound to now; <paramref name="ItemsWithheld"/> when it came in an internal entry and the reader is anonymous.</summary>
    public sealed record SnapshotView(string Digest, long Index, IReadOnlyList<SnapshotItem> Items, bool ItemsWithheld);

    public sealed record SnapshotRef(long Index, string Digest, int Items);

    public sealed record StageView(string Name, string Role, string Kind, string Quorum, string Result, int Approvals, int Rejections, bool Current);

    public sealed record SignOffView(
        long Index, string Signer, string Stage, string Verdict, string? Conditions, string? Comment, string? Justification,
        string SnapshotDigest, string SignedAt, string Status, bool Stale, string? StatusReason);

    public sealed record RecusalView(long Index, string Person, string By, string Reason, string At);

    public sealed record DissentView(long Index, string Author, string? Statement, bool Confidential, string? ConfidentialReason, bool StatementWithheld, string At);

    public sealed record RulingView(long Index, string By, string Reason, string At);

    public sealed record ReviewView(string Role, int Days, string? ClosesAt);

    public sealed record ProposalView(string Digest, string Yaml);

    public sealed record TimelineItem(long Index, string At, string? Actor, string Event, string Text);

    public bool IsOpen => Status == "open";

    public static DecisionView Of(DecisionQueries.DecisionDetail detail, CurrentUser? viewer)
    {
        var s = detail.State;
        var summary = detail.Summary;
        var progress = DecisionProgress.Of(detail.Rule, s);
        var seesConfidential = viewer is not null && viewer.HasAnyRole([Roles.Admin, Roles.Auditor]);
        var review = detail.Rule.Review is { } window
            ? new ReviewView(window.Role, window.Days, s.Status is DecisionStatus.Approved or DecisionStatus.Reversed ? LedgerTime.Format(window.ClosesAt(s.ClosedAt!.Value)) : null)
            : null;
        return new DecisionView(
            summary.Id, summary.LogIndex, s.Type, s.System, s.Version, s.Title, detail.Description, DecisionStateJson.Name(s.Status),
            summary.Visibility, summary.OpenedAt, summary.OpenedBy, summary.ClosedAt,
            new CharterRef(detail.Charter.Name, detail.Charter.Version, detail.Charter.Digest, detail.Charter.LogIndex),
            SnapshotOf(detail.Snapshot, viewer),
            detail.Snapshots.Select(x => new SnapshotRef(x.LogIndex, x.Digest, x.Items.Count)).ToList(),
            progress.Stages.Select((t, i) => new StageView(t.Stage.Name, t.Stage.Role, DecisionStateJson.Name(t.Stage.Kind), t.Stage.Quorum.ToString(),
                DecisionStateJson.Name(t.Result), t.Approvals, t.Rejections, progress.CurrentStage == i)).ToList(),
            progress.Current?.Stage.Name,
            s.SignOffs.Select(o => new SignOffView(o.Entry, o.Signer, o.Stage, DecisionStateJson.Name(o.Verdict), o.Conditions, o.Comment,
                o.Justification, o.SnapshotDigest, LedgerTime.Format(o.At), DecisionStateJson.Name(o.Status), o.Status == SignOffStatus.Stale, o.StatusReason)).ToList(),
            s.Recusals.Select(r => new RecusalView(r.Entry, r.Person, r.By, r.Reason, LedgerTime.Format(r.At))).ToList(),
            s.Dissents.Select(d =>
            {
                var withheld = d.IsConfidential && !(seesConfidential || viewer?.Name == d.Author);
                return new DissentView(d.Entry, d.Author, withheld ? null : d.Statement, d.IsConfidential, d.ConfidentialReason, withheld, LedgerTime.Format(d.At));
            }).ToList(),
            s.Veto is { } v ? new RulingView(v.Entry, v.By, v.Reason, LedgerTime.Format(v.At)) : null,
            review,
            s.Reversal is { } r ? new RulingView(r.Entry, r.By, r.Reason, LedgerTime.Format(r.At)) : null,
            s.ProposedCharterDigest is { } digest ? new ProposalView(digest, detail.ProposedYaml!) : null,
            TimelineOf(s));
    }

    private static SnapshotView SnapshotOf(DecisionQueries.SnapshotRow snapshot, CurrentUser? viewer)
    {
        var withheld = viewer is null && snapshot.Visibility != "public";
        return new SnapshotView(snapshot.Digest, snapshot.LogIndex, withheld ? [] : snapshot.Items, withheld);
    }

    private static List<TimelineItem> TimelineOf(DecisionState s)
    {
        var items = new List<TimelineItem> { new(s.OpenedEntry, LedgerTime.Format(s.OpenedAt), s.OpenedBy, "opened", $"opened “{s.Title}”") };
        items.AddRange(s.Recusals.Select(r => new TimelineItem(r.Entry, LedgerTime.Format(r.At), r.By == "charter" ? null : r.By, "recused",
            $"{r.Person} recused: {r.Reason}")));
        items.AddRange(s.SignOffs.Select(o => new TimelineItem(o.Entry, LedgerTime.Format(o.At), o.Signer, "signed",
            $"{DecisionStateJson.Name(o.Verdict)} at stage {o.Stage}" + (o.Counts ? "" : $" ({DecisionStateJson.Name(o.Status)}: {o.StatusReason})"))));
        items.AddRange(s.EvidenceChanges.Select(c => new TimelineItem(c.Entry, LedgerTime.Format(c.At), null, "evidence-changed",
            $"evidence changed from {DecisionMachine.ShortDigest(c.OldDigest)} to {DecisionMachine.ShortDigest(c.NewDigest)}")));
        items.AddRange(s.Dissents.Select(d => new TimelineItem(d.Entry, LedgerTime.Format(d.At), d.Author, "dissent",
            d.IsConfidential ? $"confidential dissent ({d.ConfidentialReason})" : "dissent")));
        if (s.Veto is { } veto)
        {
            items.Add(new TimelineItem(veto.Entry, LedgerTime.Format(veto.At), veto.By, "vetoed", veto.Reason));
        }

        if (s.ClosedEntry is { } closed)
        {
            var outcome = s.Status == DecisionStatus.Reversed ? DecisionStatus.Approved : s.Status;
            items.Add(new TimelineItem(closed, LedgerTime.Format(s.ClosedAt!.Value), null, "closed", DecisionStateJson.Name(outcome)));
        }

        if (s.Reversal is { } reversal)
        {
            items.Add(new TimelineItem(reversal.Entry, LedgerTime.Format(reversal.At), reversal.By, "reversed", reversal.Reason));
        }

        return items.OrderBy(i => i.Index).ThenBy(i => i.Event == "opened" ? 0 : 1).ToList();
    }
}
