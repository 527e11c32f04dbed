using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Vigie.Core.Concerns;

/// <summary>
/// What a reporter's receipt expands to on the reporter's own machine (HKDF-SHA256, RFC 5869,
/// empty salt, over the receipt's 35 symbols before the check symbol):
/// <list type="bullet">
/// <item>the <see cref="Access"/> code, 32 bytes, which is all the server ever sees besides the
/// <see cref="Locator"/>: it stores Argon2id of it (<see cref="ConcernReceiptHash.CreateForAccess"/>);</item>
/// <item>the <see cref="ReplyKey"/>, an X25519 key pair: recipients seal replies to its public key,
/// which travels inside the sealed report, so neither the server nor anyone holding its database
/// can read what is said to the reporter.</item>
/// </list>
/// HKDF is one-way, so the access code does not give the reply key. See the addendum of
/// docs/decisions/0005-concern-encryption.md.
/// </summary>
public sealed class ConcernReporterKeys
{
    /// <summary>Length of the access code in bytes.</summary>
    public const int AccessSize = 32;

    private static readonly byte[] AccessInfo = Encoding.ASCII.GetBytes("vigie-concern-receipt/v1 access");
    private static readonly byte[] ReplyKeyInfo = Encoding.ASCII.GetBytes("vigie-concern-receipt/v1 reply key");

    private readonly byte[] access;

    private ConcernReporterKeys(string locator, byte[] access, ConcernKeyPair replyKey)
    {
        Locator = locator;
        this.access = access;
        ReplyKey = replyKey;
    }

    /// <summary>The receipt's locator: finds the concern, not secret.</summary>
    public string Locator { get; }

    /// <summary>The access code the server checks (a copy). Secret: never log it.</summary>
    public byte[] Access => (byte[])access.Clone();

    /// <summary>The access code as RFC 4648 base64, as requests carry it.</summary>
    public string AccessBase64 => Convert.ToBase64String(access);

    /// <summary>The reporter's key pair for replies. Its private half never leaves the reporter's machine.</summary>
    public ConcernKeyPair ReplyKey { get; }

    public static ConcernReporterKeys FromReceipt(ConcernReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var input = receipt.HashInput;
        try
        {
            var access = KeyDerivationAlgorithm.HkdfSha256.DeriveBytes(input, [], AccessInfo, AccessSize);
            var replyKey = KeyDerivationAlgorithm.HkdfSha256.DeriveBytes(input, [], ReplyKeyInfo, DhKemX25519.Size);
            return new ConcernReporterKeys(receipt.Locator, access, ConcernKeyPair.FromPrivate(replyKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
        }
    }

    /// <summary>Deliberately only the locator.</summary>
    public override string ToString() => $"ConcernReporterKeys({Locator}…)";
}
