using System.Text;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Core.Tests.Ledger;

public sealed class SignedNoteTests
{
    private static readonly string SignerKey = TlogVectors.Note("signerKey");
    private static readonly string VerifierKey = TlogVectors.Note("verifierKey");
    private static readonly string CheckpointBody = TlogVectors.Note("checkpointBody");
    private static readonly string CheckpointSigned = TlogVectors.Note("checkpointSigned");
    private static readonly string TextSigned = TlogVectors.Note("textSigned");

    private static NoteSigner GoSigner()
    {
        Assert.True(NoteSigner.TryParse(SignerKey, out var signer, out var error), error);
        return signer!;
    }

    private static NoteVerifier GoVerifier()
    {
        Assert.True(NoteVerifier.TryParse(VerifierKey, out var verifier, out var error), error);
        return verifier!;
    }

    [Fact]
    public void SignerKey_FromGo_YieldsGoVerifierKey_AndRoundTrips()
    {
        var signer = GoSigner();
        Assert.Equal("PeterNeumann", signer.Name);
        Assert.Equal(0xc74f20a3u, signer.KeyId);
        Assert.Equal(VerifierKey, signer.Verifier.VerifierKey);
        Assert.Equal(SignerKey, signer.SignerKey);
        Assert.DoesNotContain("PRIVATE", signer.ToString());
        Assert.Equal(32, GoVerifier().PublicKey.Length);
        Assert.Equal(signer.Verifier.PublicKey, GoVerifier().PublicKey);
    }

    [Fact]
    public void Sign_ReproducesGoSignedNotes_ByteForByte()
    {
        var signer = GoSigner();
        Assert.Equal(CheckpointSigned, signer.Sign(CheckpointBody));
        var text = TextSigned[..(TextSigned.LastIndexOf("\n\n", StringComparison.Ordinal) + 1)];
        Assert.Equal(TextSigned, signer.Sign(text));
    }

    [Fact]
    public void Sign_Throws_ForInvalidNoteText()
    {
        var signer = GoSigner();
        Assert.Throws<ArgumentException>(() => signer.Sign("no final newline"));
        Assert.Throws<ArgumentException>(() => signer.Sign(""));
        Assert.Throws<ArgumentException>(() => signer.Sign("tab\there\n"));
        Assert.Throws<ArgumentException>(() => signer.Sign("cr\r\n"));
        Assert.Throws<ArgumentException>(() => signer.Sign("bad \ud800 surrogate\n"));
    }

    [Fact]
    public void SignRaw_ProducesEd25519SignatureTheVerifierAccepts()
    {
        var signer = GoSigner();
        var message = Encoding.UTF8.GetBytes("DSSEv1 payload");
        var signature = signer.SignRaw(message);
        Assert.Equal(64, signature.Length);
        Assert.True(signer.Verifier.Verify(message, signature));
        signature[10] ^= 1;
        Assert.False(signer.Verifier.Verify(message, signature));
        Assert.False(signer.Verifier.Verify(message, signature[..63]));
    }

    [Fact]
    public void TryOpen_AcceptsGoNotes_WithTheGoVerifier()
    {
        Assert.True(SignedNote.TryOpen(CheckpointSigned, [GoVerifier()], out var opened, out var error), error);
        Assert.Equal(CheckpointBody, opened!.Text);
        var signature = Assert.Single(opened.Verified);
        Assert.Equal(("PeterNeumann", 0xc74f20a3u, 64), (signature.Name, signature.KeyId, signature.Signature.Length));
        Assert.Empty(opened.Unverified);

        Assert.True(SignedNote.TryOpen(Encoding.UTF8.GetBytes(TextSigned), [GoVerifier()], out var text, out error), error);
        Assert.StartsWith("If you think cryptography", text!.Text);
    }

    [Fact]
    public void TryOpen_RejectsATamperedBody()
    {
        var tampered = CheckpointSigned.Replace("\n1100\n", "\n1101\n", StringComparison.Ordinal);
        Assert.False(SignedNote.TryOpen(tampered, [GoVerifier()], out var opened, out var error));
        Assert.Null(opened);
        Assert.Contains("does not verify", error);
    }

    [Fact]
    public void TryOpen_RejectsNotesSignedOnlyByUnknownKeys()
    {
        var other = NoteSigner.Generate("example.com/other");
        Assert.False(SignedNote.TryOpen(CheckpointSigned, [other.Verifier], out var opened, out var error));
        Assert.Null(opened);
        Assert.Contains("known key", error);
        Assert.False(SignedNote.TryOpen(CheckpointSigned, [], out _, out _));
    }

    [Fact]
    public void TryOpen_IgnoresAnExtraSignatureByAnUnknownKey()
    {
        var witness = NoteSigner.Generate("witness.example/w1");
        var cosigned = CheckpointSigned + witness.SignatureLine(CheckpointBody);
        Assert.True(SignedNote.TryOpen(cosigned, [GoVerifier()], out var opened, out var error), error);
        Assert.Single(opened!.Verified);
        Assert.Equal("witness.example/w1", Assert.Single(opened.Unverified).Name);

        // Known and valid: it is verified too.
        Assert.True(SignedNote.TryOpen(cosigned, [GoVerifier(), witness.Verifier], out opened, out _));
        Assert.Equal(2, opened!.Verified.Count);
    }

    [Fact]
    public void TryOpen_IgnoresKeysThatShareOnlyTheNameOrOnlyTheId()
    {
        // Same name, different key (so a different id): unknown, hence ignored, hence no known signature.
        var impostor = NoteSigner.Generate("PeterNeumann");
        Assert.False(SignedNote.TryOpen(CheckpointSigned, [impostor.Verifier], out _, out var error));
        Assert.Contains("known key", error);
    }

    [Fact]
    public void TryOpen_RejectsABadSignatureByAKnownKey_EvenWhenAnotherVerifies()
    {
        var witness = NoteSigner.Generate("witness.example/w1");
        var wrongLine = witness.SignatureLine("some other text\n");
        Assert.False(SignedNote.TryOpen(CheckpointSigned + wrongLine, [GoVerifier(), witness.Verifier], out _, out var error));
        Assert.Contains("witness.example/w1", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no signatures\n")]
    [InlineData("text\n\n")]
    [InlineData("text\n\n\u2014 PeterNeumann x08gowDk\n\n")]
    [InlineData("text\n\n- PeterNeumann x08gowDkvoGTDUBf\n")]
    [InlineData("text\n\n\u2014 PeterNeumann\n")]
    [InlineData("text\n\n\u2014 PeterNeumann !!!!\n")]
    [InlineData("text\n\n\u2014 PeterNeumann AAAA\n")]
    [InlineData("text\n\n\u2014 Peter+Neumann x08gowDkvoGTDUBf\n")]
    [InlineData("text\n\n\u2014 PeterNeumann x08gowDkvoGTDUBf")]
    [InlineData("te\txt\n\n\u2014 PeterNeumann x08gowDkvoGTDUBf\n")]
    public void TryOpen_RejectsMalformedNotes(string note)
    {
        Assert.False(SignedNote.TryOpen(note, [GoVerifier()], out var opened, out var error));
        Assert.Null(opened);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryOpen_RejectsInvalidUtf8AndNonCanonicalBase64()
    {
        var bytes = Encoding.UTF8.GetBytes(CheckpointSigned);
        bytes[3] = 0xFF;
        Assert.False(SignedNote.TryOpen(bytes, [GoVerifier()], out _, out var error));
        Assert.Contains("UTF-8", error);

        var line = CheckpointSigned[(CheckpointSigned.LastIndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        var spaced = CheckpointBody + "\n" + line.Replace("x08go", "x08 go", StringComparison.Ordinal);
        Assert.False(SignedNote.TryOpen(spaced, [GoVerifier()], out _, out _));
    }

    [Fact]
    public void TryOpen_RejectsMoreThanTheSignatureLimit()
    {
        var witness = NoteSigner.Generate("w");
        var note = CheckpointSigned + string.Concat(Enumerable.Repeat(witness.SignatureLine(CheckpointBody), SignedNote.MaxSignatures));
        Assert.False(SignedNote.TryOpen(note, [GoVerifier()], out _, out var error));
        Assert.Contains("signatures", error);
    }

    [Fact]
    public void GeneratedSigner_RoundTripsThroughItsSignerKey()
    {
        var signer = NoteSigner.Generate("vigie.example/log");
        Assert.True(NoteSigner.TryParse(signer.SignerKey, out var again, out var error), error);
        Assert.Equal(signer.Verifier.VerifierKey, again!.Verifier.VerifierKey);
        var note = signer.Sign("hello\n\nworld\n");
        Assert.Equal(note, again.Sign("hello\n\nworld\n"));
        Assert.True(SignedNote.TryOpen(note, [again.Verifier], out var opened, out _));
        Assert.Equal("hello\n\nworld\n", opened!.Text);
        Assert.Throws<ArgumentException>(() => NoteSigner.Generate("bad name"));
        Assert.Throws<ArgumentException>(() => NoteSigner.Generate("bad+name"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("PeterNeumann+c74f20a3")]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+0xc74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeuman+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+c74f20a3+AhpC2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T")]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW ")]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWAA==")]
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")]
    public void VerifierTryParse_RejectsMalformedKeys(string key)
    {
        Assert.False(NoteVerifier.TryParse(key, out var verifier, out var error));
        Assert.Null(verifier);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("")]
    [InlineData("PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")]
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")]
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a3+AoEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")]
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDF")]
    [InlineData("PRIVATE+KEY+Peter Neumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")]
    [InlineData("private+key+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")]
    public void SignerTryParse_RejectsMalformedKeys_WithoutEchoingTheSecret(string key)
    {
        Assert.False(NoteSigner.TryParse(key, out var signer, out var error));
        Assert.Null(signer);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain("AYEKFALVFGyNhPJE", error);
    }
}
