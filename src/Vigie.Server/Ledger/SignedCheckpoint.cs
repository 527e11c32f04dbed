namespace Vigie.Server.Ledger;

/// <summary>A checkpoint as served: tree size, root hash and the signed note text.</summary>
public sealed record SignedCheckpoint(long Size, byte[] RootHash, string Note);
