namespace Vigie.Core.Ledger;

/// <summary>C2SP tlog-tiles resources: Merkle hash tiles and entry bundles.</summary>
public enum TileKind
{
    Hash,
    Entries,
}
