namespace Vigie.Server.Features.Registry;

/// <summary>
/// A feature that holds evidence about a version (its model card, recorded files, later
/// evaluations and assessments) contributes that evidence to decision snapshots through this.
/// </summary>
public interface ISnapshotSource
{
    /// <summary>The items this feature has for the version now, including internal ones.</summary>
    Task<IReadOnlyList<SnapshotItem>> ItemsAsync(string system, string version, CancellationToken cancellationToken);
}
