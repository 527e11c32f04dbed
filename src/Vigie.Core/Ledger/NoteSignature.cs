namespace Vigie.Core.Ledger;

/// <summary>One signature line of a signed note: key name, key id, and the signature bytes
/// (without the 4-byte key id prefix). Equality compares the signature bytes.</summary>
public sealed record NoteSignature(string Name, uint KeyId, byte[] Signature)
{
    public bool Equals(NoteSignature? other) =>
        other is not null && Name == other.Name && KeyId == other.KeyId && Signature.AsSpan().SequenceEqual(other.Signature);

    public override int GetHashCode() => HashCode.Combine(Name, KeyId, Signature.Length);
}
