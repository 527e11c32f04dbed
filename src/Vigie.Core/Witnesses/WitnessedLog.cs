namespace Vigie.Core.Witnesses;

/// <summary>What a witness keeps for one log: the latest checkpoint it cosigned (C2SP tlog-witness).</summary>
public sealed record WitnessedLog(string Origin, long Size, byte[] RootHash, string Note);
