using System.Globalization;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Features.Risk;

namespace Vigie.Server.Features.Portal;

/// <summary>
/// The capability-risk frameworks, every version that was in force. A framework is proposed with
/// its exact YAML in a public entry and is in force from the approval of its framework-change
/// decision; the page links to and proves the proposal entry, since that is the one holding the
/// text. One approved after a later version was already in force never took effect and is left
/// out; a reversed one ended at its reversal, and the framework in force is the one the risk
/// feature applies (<see cref="RiskQueries.CurrentFrameworkAsync"/>).
/// </summary>
public sealed class FrameworkDocumentSource(RiskQueries risk, DecisionQueries decisions) : IGovernanceDocumentSource
{
    public async Task<IReadOnlyList<GovernanceDocument>> DocumentsAsync(CancellationToken cancellationToken)
    {
        var adopted = (await risk.FrameworkHistoryAsync(cancellationToken))
            .Where(p => p.AdoptedIndex is not null && p.Status is "adopted" or "reversed")
            .OrderBy(p => p.AdoptedIndex)
            .ToList();
        var current = (await risk.CurrentFrameworkAsync(cancellationToken))?.LogIndex;
        var documents = new List<GovernanceDocument>();
        for (var i = 0; i < adopted.Count; i++)
        {
            var p = adopted[i];
            var until = p.LogIndex == current ? null
                : p.Status == "reversed" ? await ReversedAtAsync(p.Decision, cancellationToken) ?? p.AdoptedAt
                : i + 1 < adopted.Count ? adopted[i + 1].AdoptedAt : p.AdoptedAt;
            documents.Add(new GovernanceDocument(
                "frameworks", p.Name, p.Version.ToString(CultureInfo.InvariantCulture), p.LogIndex, p.AdoptedAt!, p.ProposedBy, p.Decision, p.Yaml, until,
                $"Risk framework {p.Name} version {p.Version}: {p.Framework.Title}, in force by decision {p.Decision}"
                + (p.Status == "reversed" ? " (the decision was later reversed)" : "")));
        }

        return documents.OrderBy(d => d.LogIndex).ToList();
    }

    private async Task<string?> ReversedAtAsync(string decision, CancellationToken cancellationToken) =>
        DecisionIds.TryParse(decision, out var index)
        && await decisions.GetAsync(index, includeInternal: false, cancellationToken) is { State.Reversal: { } reversal }
            ? LedgerTime.Format(reversal.At)
            : null;
}
