namespace Vigie.Core.Concerns;

/// <summary>
/// The output of a single-shot HPKE seal (RFC 9180 §6.1): <see cref="Enc"/> is the 32-byte
/// encapsulated ephemeral X25519 public key, <see cref="Ciphertext"/> the AES-128-GCM
/// ciphertext with its 16-byte tag appended. The recipient needs both.
/// </summary>
public sealed record HpkeSealed(byte[] Enc, byte[] Ciphertext);
