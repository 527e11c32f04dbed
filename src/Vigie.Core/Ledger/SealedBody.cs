namespace Vigie.Core.Ledger;

/// <summary>
/// The body of a non-public entry and the salt of its commitment, kept outside the log.
/// Revealing both lets anyone check them against the entry (see <see cref="Commitment.Matches"/>);
/// deleting them leaves the log verifiable.
/// </summary>
/// <param name="Salt">32 random bytes (<see cref="SaltLength"/>).</param>
/// <param name="CanonicalBody">The body as RFC 8785 canonical JSON bytes.</param>
public sealed record SealedBody(byte[] Salt, byte[] CanonicalBody)
{
    /// <summary>Length of the random salt in bytes.</summary>
    public const int SaltLength = 32;

    // Records compare arrays by reference; two sealed bodies are the same when their bytes are.
    public bool Equals(SealedBody? other) =>
        other is not null
        && Salt.AsSpan().SequenceEqual(other.Salt)
        && CanonicalBody.AsSpan().SequenceEqual(other.CanonicalBody);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Salt);
        hash.AddBytes(CanonicalBody);
        return hash.ToHashCode();
    }
}
