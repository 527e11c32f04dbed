using System.Globalization;
using Vigie.Server.Features.Gate;

namespace Vigie.Server.Features.Portal;

/// <summary>The release-gate policies, every version made active (policies are public: how releases are judged is no secret).</summary>
public sealed class PolicyDocumentSource(PolicyQueries policies) : IGovernanceDocumentSource
{
    public async Task<IReadOnlyList<GovernanceDocument>> DocumentsAsync(CancellationToken cancellationToken)
    {
        var history = (await policies.HistoryAsync(cancellationToken)).OrderBy(p => p.LogIndex).ToList();
        return history.Select((p, i) => new GovernanceDocument(
            "policies", p.Name, p.Version.ToString(CultureInfo.InvariantCulture), p.LogIndex, p.ActivatedAt, p.ActivatedBy, p.Decision, p.Text,
            i + 1 < history.Count ? history[i + 1].ActivatedAt : null,
            $"Policy {p.Name} version {p.Version}: {p.Title}, made active by decision {p.Decision}"))
            .ToList();
    }
}
