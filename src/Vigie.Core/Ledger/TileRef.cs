namespace Vigie.Core.Ledger;

/// <summary>
/// One C2SP tlog-tiles resource. <see cref="Width"/> is 1..256 (256 = full tile; a partial tile
/// is served at <c>.p/&lt;W&gt;</c>); <see cref="Level"/> is the tile level 0..63 and always 0 for
/// entry bundles. <see cref="TilePath.Format"/> rejects values outside these ranges.
/// </summary>
public readonly record struct TileRef(TileKind Kind, int Level, long Index, int Width)
{
    public bool IsFull => Width == TilePath.FullWidth;
}
