using Vigie.Core.Governance;
using Vigie.Core.Ledger;
using Vigie.Core.Risk;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Features.Users;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// Proposing a framework: the text is checked, a framework-change decision is opened under the
/// charter in force, and the exact YAML is recorded with it. It is in force once that decision is
/// approved (<see cref="FrameworkDecisionProjection"/>) — the first framework as much as any later
/// one, since a charter is already there to decide it.
/// </summary>
public sealed class FrameworkProposals(Ledger.Ledger ledger, DecisionOpening opening, RiskQueries queries)
{
    public sealed record Proposed(string Decision, long Index, Framework Framework);

    public async Task<(Proposed? Result, int Status, string? Error)> ProposeAsync(
        CurrentUser user, string yaml, string? title, string? description, CancellationToken cancellationToken)
    {
        var load = FrameworkReader.Read(yaml);
        if (load.Framework is not { } framework)
        {
            return (null, StatusCodes.Status400BadRequest, "The framework is not valid:\n" + load.ErrorText);
        }

        if (await queries.CurrentFrameworkAsync(cancellationToken) is { } current)
        {
            if (current.Digest == framework.Digest)
            {
                return (null, StatusCodes.Status400BadRequest, $"This is the framework in force ('{current.Name}' v{current.Version}); change something first.");
            }

            if (framework.Version <= current.Version)
            {
                return (null, StatusCodes.Status400BadRequest,
                    $"The proposed framework is version {framework.Version}; give it a version above the one in force ('{current.Name}' v{current.Version}).");
            }
        }

        var opened = await opening.OpenAsync(user, new DecisionRequests.Open(
            DecisionTypes.FrameworkChange,
            title ?? $"Adopt risk framework {framework.Name} v{framework.Version}",
            Description: (description is null ? "" : description + "\n\n") +
                         $"Framework {framework.Name} v{framework.Version} ({framework.Title}), sha256 {framework.Digest}; its text is recorded in the next log entry.",
            Visibility: "public"), cancellationToken);
        if (!opened.Succeeded)
        {
            return (null, opened.Status, opened.Error);
        }

        var body = new RiskEntries.ProposedBody(opened.Decision!, framework.Name, framework.Version, framework.Digest, yaml);
        var result = await ledger.AppendAsync(new LedgerWrite(RiskEntries.FrameworkProposed, user.Name, Visibility.Public, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded
            ? (new Proposed(opened.Decision!, result.Index, framework), StatusCodes.Status201Created, null)
            : (null, StatusCodes.Status409Conflict, result.Conflict);
    }
}
