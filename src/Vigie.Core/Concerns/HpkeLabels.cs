using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Vigie.Core.Concerns;

/// <summary>
/// RFC 9180 §4 LabeledExtract and LabeledExpand over HKDF-SHA256 (RFC 5869). Every derivation
/// is prefixed with "HPKE-v1" and a suite id so keys from one context can never stand in for
/// keys from another.
/// </summary>
internal static class HpkeLabels
{
    private static ReadOnlySpan<byte> VersionLabel => "HPKE-v1"u8;

    /// <summary>LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" ‖ suite_id ‖ label ‖ ikm).</summary>
    public static byte[] Extract(ReadOnlySpan<byte> suiteId, ReadOnlySpan<byte> salt, string label, ReadOnlySpan<byte> ikm)
    {
        byte[] labeledIkm = [.. VersionLabel, .. suiteId, .. Encoding.ASCII.GetBytes(label), .. ikm];
        try
        {
            return KeyDerivationAlgorithm.HkdfSha256.Extract(labeledIkm, salt);
        }
        finally
        {
            // The ikm is often a Diffie-Hellman output: do not leave a copy on the heap.
            CryptographicOperations.ZeroMemory(labeledIkm);
        }
    }

    /// <summary>LabeledExpand(prk, label, info, L) = Expand(prk, I2OSP(L, 2) ‖ "HPKE-v1" ‖ suite_id ‖ label ‖ info, L).</summary>
    public static byte[] Expand(ReadOnlySpan<byte> suiteId, ReadOnlySpan<byte> prk, string label, ReadOnlySpan<byte> info, int length)
    {
        if (length is <= 0 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A labeled expansion is 1 to 65535 bytes long.");
        }

        byte[] labeledInfo = [(byte)(length >> 8), (byte)length, .. VersionLabel, .. suiteId, .. Encoding.ASCII.GetBytes(label), .. info];
        return KeyDerivationAlgorithm.HkdfSha256.Expand(prk, labeledInfo, length);
    }
}
