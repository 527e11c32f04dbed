namespace Vigie.Server.Ledger;

/// <summary>Which projections read which entry kind: used by appends and by rebuilds alike.</summary>
public static class ProjectionIndex
{
    public static Dictionary<string, IProjection[]> ByKind(IEnumerable<IProjection> projections) =>
        projections
            .SelectMany(p => p.Kinds.Select(kind => (Kind: kind, Projection: p)))
            .GroupBy(x => x.Kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Projection).ToArray(), StringComparer.Ordinal);
}
