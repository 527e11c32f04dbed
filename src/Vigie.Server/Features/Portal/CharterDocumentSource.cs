using Vigie.Server.Features.Decisions;

namespace Vigie.Server.Features.Portal;

/// <summary>The governance charters, every version adopted (charter adoptions are always public entries).</summary>
public sealed class CharterDocumentSource(DecisionQueries decisions) : IGovernanceDocumentSource
{
    public async Task<IReadOnlyList<GovernanceDocument>> DocumentsAsync(CancellationToken cancellationToken)
    {
        var history = await decisions.CharterHistoryAsync(cancellationToken);
        return history.Select((c, i) => new GovernanceDocument(
            "charters", c.Name, c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), c.LogIndex, c.AdoptedAt, c.AdoptedBy, c.Decision, c.Yaml,
            i + 1 < history.Count ? history[i + 1].AdoptedAt : null,
            $"Charter {c.Name} version {c.Version}" + (c.Decision is null ? " (first adoption)" : $", adopted by decision {c.Decision}")))
            .ToList();
    }
}
