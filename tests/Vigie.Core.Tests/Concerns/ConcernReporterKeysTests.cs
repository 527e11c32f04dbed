using System.Security.Cryptography;
using System.Text;
using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Core.Tests.Concerns;

public sealed class ConcernReporterKeysTests
{
    private const string Receipt = "0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ-7QK";

    [Fact]
    public void AccessAndReplyKey_AreHkdfOfTheReceiptSymbols_AsDocumented()
    {
        var receipt = ValidReceipt();
        var keys = ConcernReporterKeys.FromReceipt(receipt);
        var symbols = Encoding.ASCII.GetBytes(receipt.DisplayText.Replace("-", "", StringComparison.Ordinal)[..35]);

        // .NET's own HKDF (not libsodium's) as the independent answer.
        Assert.Equal(HKDF.DeriveKey(HashAlgorithmName.SHA256, symbols, 32, [], Encoding.ASCII.GetBytes("vigie-concern-receipt/v1 access")), keys.Access);
        var replyPrivate = HKDF.DeriveKey(HashAlgorithmName.SHA256, symbols, 32, [], Encoding.ASCII.GetBytes("vigie-concern-receipt/v1 reply key"));
        Assert.Equal("vigie-concern-private-key-v1:" + Convert.ToBase64String(replyPrivate), keys.ReplyKey.ExportPrivateKey());
        Assert.Equal(receipt.Locator, keys.Locator);
        Assert.Equal(Convert.ToBase64String(keys.Access), keys.AccessBase64);
    }

    [Fact]
    public void SameReceipt_SameKeys_OtherReceipt_OtherKeys()
    {
        var receipt = ConcernReceipt.Generate();
        var again = ConcernReporterKeys.FromReceipt(ConcernReceipt.Parse(receipt.DisplayText.ToLowerInvariant()));
        var keys = ConcernReporterKeys.FromReceipt(receipt);
        var other = ConcernReporterKeys.FromReceipt(ConcernReceipt.Generate());

        Assert.Equal(keys.Access, again.Access);
        Assert.Equal(keys.ReplyKey.PublicKey, again.ReplyKey.PublicKey);
        Assert.NotEqual(keys.Access, other.Access);
        Assert.NotEqual(keys.ReplyKey.PublicKey, other.ReplyKey.PublicKey);
        Assert.DoesNotContain(keys.AccessBase64, keys.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AccessHash_VerifiesOnlyItsLocatorAndCode_AndTheDecoyNothing()
    {
        var keys = ConcernReporterKeys.FromReceipt(ConcernReceipt.Generate());
        var other = ConcernReporterKeys.FromReceipt(ConcernReceipt.Generate());

        var hash = ConcernReceiptHash.CreateForAccess(keys.Locator, keys.Access);

        Assert.True(ConcernReceiptHash.TryParse(hash.Encoded, out var stored, out _));
        Assert.True(stored.VerifyAccess(keys.Locator, keys.Access));
        Assert.False(stored.VerifyAccess(keys.Locator, other.Access));
        Assert.False(stored.VerifyAccess(other.Locator, keys.Access));
        Assert.False(ConcernReceiptHash.Decoy.VerifyAccess(keys.Locator, keys.Access));
        Assert.Throws<ArgumentException>(() => ConcernReceiptHash.CreateForAccess("short", keys.Access));
        Assert.Throws<ArgumentException>(() => ConcernReceiptHash.CreateForAccess(keys.Locator, new byte[31]));
    }

    [Fact]
    public void ReportAndMessage_RoundTrip_AndRefuseOtherContent()
    {
        var reply = ConcernKeyPair.Generate().PublicKey;
        var report = new ConcernReport("Text with ünïcödé", reply, [new ConcernAttachment("log.txt", "text/plain", [1, 2, 3])]);

        Assert.True(ConcernReport.TryRead(report.ToBytes(), out var read, out var error), error);
        Assert.Equal("Text with ünïcödé", read.Text);
        Assert.Equal(reply, read.ReplyKey);
        Assert.Equal([1, 2, 3], Assert.Single(read.Attachments).Data);
        Assert.True(ConcernMessage.TryRead(new ConcernMessage("hi").ToBytes(), out var message, out _));
        Assert.Equal("hi", message.Text);

        Assert.False(ConcernReport.TryRead(new ConcernMessage("hi").ToBytes(), out _, out error));
        Assert.Contains("Unknown content version", error);
        Assert.False(ConcernMessage.TryRead("not json"u8, out _, out error));
        Assert.Contains("not JSON", error);
        Assert.False(ConcernReport.TryRead("""{"version":"vigie-concern-report/v1","text":"x","replyKey":"vigie-concern-public-key-v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}"""u8, out _, out error));
        Assert.Contains("reply key", error);
    }

    private static ConcernReceipt ValidReceipt()
    {
        // A fixed receipt: 35 symbols and whichever check symbol makes it valid.
        foreach (var check in "0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        {
            if (ConcernReceipt.TryParse(Receipt + check, out var receipt, out _))
            {
                return receipt;
            }
        }

        throw new InvalidOperationException("No check symbol fits.");
    }
}
