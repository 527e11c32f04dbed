namespace Vigie.Server.Features.Registry;

/// <summary>
/// Everything a version's decisions rest on at one moment, and its digest: SHA-256 of the RFC
/// 8785 canonical JSON array of the items, sorted by kind then id. Sign-offs bind to the digest.
/// </summary>
public sealed record EvidenceSnapshot(string Digest, IReadOnlyList<SnapshotItem> Items);
