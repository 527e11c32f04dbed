namespace Vigie.Core.Concerns;

/// <summary>
/// One recipient's part of an envelope: the HPKE <c>enc</c> and the content secret sealed to the
/// key whose <see cref="ConcernPublicKey.KeyId"/> is <paramref name="KeyId"/>.
/// </summary>
internal sealed record ConcernEnvelopeSlot(string KeyId, byte[] Enc, byte[] SealedSecret)
{
    /// <summary>The sealed content secret: the secret plus the AES-GCM tag.</summary>
    public const int SealedSecretSize = ContentKeys.SecretSize + Hpke.TagSize;
}
