namespace Vigie.Server.Features.Portal;

/// <summary>
/// A feature that adopts governance documents the public may read — charters, policies,
/// frameworks, waivers — lists them here, and the portal, the Atom feed and the generated
/// reports show them with their diffs. Register it with
/// <c>services.AddSingleton&lt;IGovernanceDocumentSource, YourSource&gt;()</c>. A source returns only
/// documents recorded in public entries (never an internal one) and every version ever adopted,
/// oldest first, so the portal can show what was in force when and what changed.
/// </summary>
public interface IGovernanceDocumentSource
{
    /// <summary>Every public version of this feature's documents, oldest first.</summary>
    Task<IReadOnlyList<GovernanceDocument>> DocumentsAsync(CancellationToken cancellationToken);
}
