using Vigie.Core.Ledger;
using Vigie.Core.Risk;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Risk;

/// <summary>Builds scorecards and records what people add to them: confirmed levels with a rationale, and safeguards with their evidence.</summary>
public sealed class ScorecardService(Ledger.Ledger ledger, RiskQueries queries, RegistryQueries registry, EvidenceSnapshots snapshots)
{
    /// <summary>Who may confirm a level: the people a charter gives risk judgement to, not every member.</summary>
    public static readonly IReadOnlyList<string> Confirmers = [Roles.Admin, Roles.SafetyOfficer, Roles.AdvisoryGroup, Roles.Executive];

    public sealed record ConfirmRequest(string Category, string PreMitigation, string PostMitigation, string Rationale);

    public sealed record SafeguardRequest(
        string Id, string Name, string Standard, string Status, int? Asl = null, string? Category = null, IReadOnlyList<string>? Evidence = null, string? Description = null);

    /// <summary>The level name a derivation gives (the framework level id, or "unknown").</summary>
    public static string Name(LevelFinding finding) => finding.Level ?? RiskScale.Unknown;

    public async Task<ScorecardView?> BuildAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken)
    {
        if (await queries.CurrentFrameworkAsync(cancellationToken) is not { } row)
        {
            return null;
        }

        var framework = row.Framework;
        var observed = await queries.ObservedAsync(system, version, includeInternal, cancellationToken);
        var confirmations = await queries.ConfirmationsAsync(system, version, includeInternal, cancellationToken);
        var categories = ScorecardDerivation.Derive(framework, observed).Select(a => new ScorecardCategory(a.Category, a,
            confirmations.Where(c => c.Category == a.Category.Id && c.FrameworkDigest == framework.Digest).MaxBy(c => c.LogIndex))).ToList();
        return new ScorecardView(system, version, row, categories,
            await queries.SafeguardsAsync(system, version, includeInternal, cancellationToken),
            await queries.EvaluationsAsync(system, version, includeInternal, cancellationToken));
    }

    public async Task<(long Index, int Status, string? Error)> ConfirmAsync(CurrentUser user, string system, string version, ConfirmRequest request, CancellationToken cancellationToken)
    {
        if (await registry.GetVersionAsync(system, version, cancellationToken) is not { } row)
        {
            return (-1, StatusCodes.Status404NotFound, $"No version {system}@{version} is registered.");
        }

        var card = await BuildAsync(system, version, includeInternal: true, cancellationToken);
        if (card is null)
        {
            return (-1, StatusCodes.Status409Conflict, "No risk framework is in force, so there is no scorecard to confirm; adopt one first (vigie frameworks adopt FILE).");
        }

        var framework = card.Framework.Framework;
        if (card.Categories.FirstOrDefault(c => c.Category.Id == request.Category) is not { } category)
        {
            return (-1, StatusCodes.Status400BadRequest, $"'{request.Category}' is not a category of {framework.Ref}; categories are: {string.Join(", ", framework.Categories.Select(c => c.Id))}.");
        }

        foreach (var (field, level) in new[] { ("preMitigation", request.PreMitigation), ("postMitigation", request.PostMitigation) })
        {
            if (framework.Levels.All(l => l.Id != level))
            {
                return (-1, StatusCodes.Status400BadRequest, $"{field} must be a level of {framework.Ref}: {string.Join(", ", framework.Levels.Select(l => l.Id))}.");
            }
        }

        if (framework.Rank(request.PostMitigation) > framework.Rank(request.PreMitigation))
        {
            return (-1, StatusCodes.Status400BadRequest, "The level after mitigation cannot be above the level before it.");
        }

        if (TextRules.Check("rationale", request.Rationale, 10, 4000, multiline: true) is { } bad)
        {
            return (-1, StatusCodes.Status400BadRequest, bad + " A confirmation needs a written rationale (at least 10 characters).");
        }

        VisibilityNames.TryParse(row.Visibility, out var visibility);
        var body = new RiskEntries.ConfirmedBody(system, version, framework.Ref, framework.Digest, request.Category,
            Name(category.Derived.Pre), Name(category.Derived.Post), request.PreMitigation, request.PostMitigation, request.Rationale.Replace("\r\n", "\n", StringComparison.Ordinal));
        var result = await ledger.AppendAsync(new LedgerWrite(RiskEntries.ScorecardConfirmed, user.Name, visibility, BodyJson.ToElement(body)), cancellationToken);
        if (!result.Succeeded)
        {
            return (-1, StatusCodes.Status409Conflict, result.Conflict);
        }

        snapshots.NotifyChanged(system, version);
        return (result.Index, StatusCodes.Status201Created, null);
    }

    public async Task<(long Index, int Status, string? Error)> RecordSafeguardAsync(CurrentUser user, string system, string version, SafeguardRequest request, CancellationToken cancellationToken)
    {
        if (await registry.GetVersionAsync(system, version, cancellationToken) is not { } row)
        {
            return (-1, StatusCodes.Status404NotFound, $"No version {system}@{version} is registered.");
        }

        var error = RiskRequests.CheckId("id", request.Id) ?? TextRules.Check("name", request.Name, 1, 200)
            ?? (request.Standard is "deployment" or "security" ? null : "standard must be 'deployment' or 'security'.")
            ?? (request.Status is "implemented" or "partial" or "planned" ? null : "status must be 'implemented', 'partial' or 'planned'.")
            ?? (request.Asl is null or (>= 1 and <= 10) ? null : "asl must be from 1 to 10.")
            ?? (request.Category is null ? null : RiskRequests.CheckId("category", request.Category))
            ?? (request.Description is null ? null : TextRules.Check("description", request.Description, 0, 4000, multiline: true))
            ?? (request.Evidence is { Count: > 50 } ? "At most 50 evidence ids." : null)
            ?? request.Evidence?.Select(e => Evidence.EvidenceIds.TryParse(e, out _) ? null : $"'{e}' is not an evidence id (ev-N).").FirstOrDefault(e => e is not null);
        if (error is not null)
        {
            return (-1, StatusCodes.Status400BadRequest, error);
        }

        VisibilityNames.TryParse(row.Visibility, out var visibility);
        var body = new RiskEntries.SafeguardBody(system, version, request.Id, request.Name, request.Standard, request.Asl, request.Status, request.Category,
            request.Evidence ?? [], request.Description);
        var result = await ledger.AppendAsync(new LedgerWrite(RiskEntries.SafeguardRecorded, user.Name, visibility, BodyJson.ToElement(body)), cancellationToken);
        if (!result.Succeeded)
        {
            return (-1, StatusCodes.Status409Conflict, result.Conflict);
        }

        snapshots.NotifyChanged(system, version);
        return (result.Index, StatusCodes.Status201Created, null);
    }
}
