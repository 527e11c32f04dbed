using System.Globalization;
using System.Text;

namespace Vigie.Core.Attestations;

/// <summary>
/// DSSE (Dead Simple Signing Envelope) v1, protocol.md: a signature covers
/// <c>PAE(UTF8(PAYLOAD_TYPE), SERIALIZED_BODY)</c>, never the payload alone, so a signature can
/// not be replayed under another payload type.
/// </summary>
public static class Dsse
{
    /// <summary>The in-toto payload type of an in-toto Statement (in-toto Attestation Framework, envelope.md).</summary>
    public const string InTotoPayloadType = "application/vnd.in-toto+json";

    /// <summary>
    /// Pre-Authentication Encoding: <c>"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body</c>, with
    /// LEN the ASCII decimal byte length without leading zeros.
    /// </summary>
    public static byte[] Pae(string payloadType, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(payloadType);
        var type = Encoding.UTF8.GetBytes(payloadType);
        var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"DSSEv1 {type.Length} "));
        var middle = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $" {body.Length} "));
        var pae = new byte[head.Length + type.Length + middle.Length + body.Length];
        head.CopyTo(pae, 0);
        type.CopyTo(pae, head.Length);
        middle.CopyTo(pae, head.Length + type.Length);
        body.CopyTo(pae.AsSpan(head.Length + type.Length + middle.Length));
        return pae;
    }

    /// <summary>
    /// Decodes base64 in the standard or the URL-safe alphabet, padded or not: DSSE verifiers
    /// "MUST accept either" (protocol.md). Null when the text is neither.
    /// </summary>
    public static byte[]? DecodeBase64(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var standard = text.Replace('-', '+').Replace('_', '/');
        if (standard.Length % 4 != 0)
        {
            standard = standard.PadRight(standard.Length + (4 - (standard.Length % 4)), '=');
        }

        var buffer = new byte[standard.Length / 4 * 3];
        return Convert.TryFromBase64String(standard, buffer, out var written) ? buffer[..written] : null;
    }
}
