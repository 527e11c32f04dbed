using System.Security.Cryptography;
using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Core.Tests.Concerns;

public sealed class ConcernKeyTests
{
    [Fact]
    public void Generate_ExportsKeysThatImportToTheSamePair()
    {
        var pair = ConcernKeyPair.Generate();

        var publicText = pair.PublicKey.Export();
        var privateText = pair.ExportPrivateKey();
        var imported = ConcernKeyPair.Import(privateText + "\n");

        Assert.StartsWith("vigie-concern-public-key-v1:", publicText, StringComparison.Ordinal);
        Assert.StartsWith("vigie-concern-private-key-v1:", privateText, StringComparison.Ordinal);
        Assert.Equal(pair.PublicKey, ConcernPublicKey.Import(publicText + "\r\n"));
        Assert.Equal(pair.PublicKey, imported.PublicKey);
        Assert.Equal(privateText, imported.ExportPrivateKey());
    }

    [Fact]
    public void Generate_GivesDifferentKeysEachTime()
    {
        Assert.NotEqual(ConcernKeyPair.Generate().PublicKey, ConcernKeyPair.Generate().PublicKey);
    }

    [Fact]
    public void ImportedRfcKey_HasThePublicKeyAndKeyIdOfItsBytes()
    {
        var rawPrivate = HpkeVectors.Hex("a11", "skRm");
        var rawPublic = HpkeVectors.Hex("a11", "pkRm");

        var pair = ConcernKeyPair.Import("vigie-concern-private-key-v1:" + Convert.ToBase64String(rawPrivate));

        Assert.Equal("vigie-concern-public-key-v1:" + Convert.ToBase64String(rawPublic), pair.PublicKey.Export());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(rawPublic))[..16], pair.PublicKey.KeyId);
    }

    [Fact]
    public void ToString_ShowsTheKeyIdButNoKeyMaterial()
    {
        var pair = ConcernKeyPair.Generate();
        var secret = pair.ExportPrivateKey()["vigie-concern-private-key-v1:".Length..];

        Assert.Contains(pair.PublicKey.KeyId, pair.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, pair.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n", "empty")]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA", "starting with \"vigie-concern-public-key-v1:\"")]
    [InlineData("vigie-concern-public-key-v2:OUjP4K0d22ldeA5ZB3GV2mxWUGsCcyl5SrAryoCBXE0=", "unknown key file version")]
    [InlineData("vigie-concern-private-key-v1:RhLFUCY/yK1YN13z9VeqxTHSaFCQPlWp8j8h2FNOisg=", "private key file")]
    [InlineData("vigie-concern-public-key-v1:OUjP4K0d22ldeA5ZB3GV2mxWUGsCcyl5SrAryoCBXE", "truncated")]
    [InlineData("vigie-concern-public-key-v1:OUjP4K0d22ldeA5ZB3GV2mxWUGsCcyl5SrAryoCB", "truncated")]
    [InlineData("vigie-concern-public-key-v1:OUjP4K0d22ldeA5ZB3GV2mxWUGsCcyl5SrAryoCBXE1=", "canonical base64")]
    [InlineData("vigie-concern-public-key-v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "low-order")]
    [InlineData("vigie-concern-public-key-v1:AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "low-order")]
    [InlineData("vigie-concern-public-key-v1:4Ot6fDtBuK4WVuP68Z/EatoJjeucMrH9hmIFFl9JuAA=", "low-order")]
    public void ImportPublicKey_RefusesWithAReason(string text, string reason)
    {
        Assert.False(ConcernPublicKey.TryImport(text, out var key, out var error));
        Assert.Null(key);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains(reason, Assert.Throws<FormatException>(() => ConcernPublicKey.Import(text)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vigie-concern-public-key-v1:OUjP4K0d22ldeA5ZB3GV2mxWUGsCcyl5SrAryoCBXE0=", "public key file")]
    [InlineData("vigie-concern-private-key-v1:RhLFUCY/yK1YN13z9VeqxTHSaFCQPlWp8j8h2FNOis=", "truncated")]
    [InlineData("PRIVATE+KEY+log+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz", "starting with \"vigie-concern-private-key-v1:\"")]
    public void ImportPrivateKey_RefusesWithAReason(string text, string reason)
    {
        Assert.False(ConcernKeyPair.TryImport(text, out var pair, out var error));
        Assert.Null(pair);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportErrors_NeverQuoteTheKey()
    {
        const string Body = "RhLFUCY/yK1YN13z9VeqxTHSaFCQPlWp8j8h2FNOisg=";

        Assert.False(ConcernPublicKey.TryImport("vigie-concern-private-key-v1:" + Body, out _, out var error));
        Assert.DoesNotContain(Body[..10], error, StringComparison.Ordinal);
    }
}
