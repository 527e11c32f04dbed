using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;
using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Core.Tests.Concerns;

/// <summary>Passphrase-protected private key files (vigie-concern-private-key-v2): the documented construction, and every way one fails to open.</summary>
public sealed class ConcernKeyProtectionTests
{
    private const string Passphrase = "correct horse battery staple";

    // Small Argon2id settings keep the tests fast; the file carries its parameters.
    private static string Protect(ConcernKeyPair key, string passphrase = Passphrase) =>
        ConcernKeyProtection.Protect(key, passphrase, out var error, memoryKiB: 64, passes: 1) ?? throw new InvalidOperationException(error);

    [Fact]
    public void ProtectedFile_OpensWithItsPassphrase_ToTheSameKey()
    {
        var key = ConcernKeyPair.Generate();
        var text = Protect(key);

        Assert.StartsWith("vigie-concern-private-key-v2:argon2id:m=64,t=1:", text);
        Assert.True(ConcernKeyProtection.IsProtected(text + "\n"));
        Assert.True(ConcernKeyProtection.TryOpen(text + "\n", Passphrase, out var opened, out var error), error);
        Assert.Equal(key.PublicKey, opened.PublicKey);
        Assert.Equal(key.ExportPrivateKey(), opened.ExportPrivateKey());
        Assert.DoesNotContain(key.ExportPrivateKey()["vigie-concern-private-key-v1:".Length..], text);
        Assert.NotEqual(text, Protect(key)); // fresh salt and nonce every time
    }

    [Fact]
    public void Construction_IsArgon2idThenAes256Gcm_WithTheHeaderAsAssociatedData()
    {
        var salt = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        var nonce = Enumerable.Range(100, 12).Select(i => (byte)i).ToArray();
        var privateKey = Enumerable.Range(200, 32).Select(i => (byte)i).ToArray();
        var text = ConcernKeyProtection.Protect(privateKey, "pässphrase long enough", salt, nonce, memoryKiB: 64, passes: 2);

        // Recomputed here from the documented steps, with libsodium's Argon2id called directly.
        var kek = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = 64, NumberOfPasses = 2 })
            .DeriveBytes(Encoding.UTF8.GetBytes("pässphrase long enough".Normalize(NormalizationForm.FormC)), salt, 32);
        var header = $"vigie-concern-private-key-v2:argon2id:m=64,t=2:{Convert.ToBase64String(salt)}:";
        var sealedKey = new byte[48];
        using (var aes = new AesGcm(kek, 16))
        {
            aes.Encrypt(nonce, privateKey, sealedKey.AsSpan(0, 32), sealedKey.AsSpan(32), Encoding.ASCII.GetBytes(header));
        }

        Assert.Equal(header + Convert.ToBase64String(nonce) + ":" + Convert.ToBase64String(sealedKey), text);
    }

    [Theory]
    [InlineData("m=64,t=1", "m=65,t=1")]   // parameters are bound: a cheaper setting cannot be swapped in
    [InlineData(":argon2id:", ":argon2i:")]
    public void AlteredParameters_DoNotOpen(string from, string to)
    {
        var text = Protect(ConcernKeyPair.Generate()).Replace(from, to, StringComparison.Ordinal);
        Assert.False(ConcernKeyProtection.TryOpen(text, Passphrase, out _, out var error));
        Assert.True(error.Contains("passphrase is wrong, or the key file was altered", StringComparison.Ordinal) || error.Contains("argon2id", StringComparison.Ordinal), error);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void AlteredSaltNonceOrSealedKey_DoNotOpen(int part)
    {
        var parts = Protect(ConcernKeyPair.Generate()).Split(':');
        var bytes = Convert.FromBase64String(parts[part]);
        bytes[0] ^= 1;
        parts[part] = Convert.ToBase64String(bytes);
        Assert.False(ConcernKeyProtection.TryOpen(string.Join(':', parts), Passphrase, out _, out var error));
        Assert.Equal("The passphrase is wrong, or the key file was altered.", error);
    }

    [Fact]
    public void WrongPassphrase_TruncatedFile_AndAbsurdParameters_AreRefusedPlainly()
    {
        var text = Protect(ConcernKeyPair.Generate());
        Assert.False(ConcernKeyProtection.TryOpen(text, Passphrase + "!", out _, out var wrong));
        Assert.Equal("The passphrase is wrong, or the key file was altered.", wrong);
        Assert.False(ConcernKeyProtection.TryOpen(text[..^10], Passphrase, out _, out var truncated));
        Assert.Contains("damaged or truncated", truncated);
        Assert.False(ConcernKeyProtection.TryOpen(text.Replace("m=64,", "m=99999999,", StringComparison.Ordinal), Passphrase, out _, out var huge));
        Assert.Contains("parameters must be", huge);
    }

    [Fact]
    public void ProtectedFile_GivenWhereAPlainKeyIsRead_SaysItNeedsThePassphrase_AndShortPassphrasesAreRefused()
    {
        Assert.False(ConcernKeyPair.TryImport(Protect(ConcernKeyPair.Generate()), out _, out var error));
        Assert.Contains("protected by a passphrase", error);
        Assert.Null(ConcernKeyProtection.Protect(ConcernKeyPair.Generate(), "short", out var refusal));
        Assert.Contains("at least 10 characters", refusal);
    }
}
