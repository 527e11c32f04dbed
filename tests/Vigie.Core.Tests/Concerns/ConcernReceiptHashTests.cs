using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Core.Tests.Concerns;

public sealed class ConcernReceiptHashTests
{
    [Fact]
    public void Create_VerifiesItsReceiptAndNoOther()
    {
        var receipt = ConcernReceipt.Generate();

        var hash = ConcernReceiptHash.Create(receipt);

        Assert.True(hash.Verify(receipt));
        Assert.True(hash.Verify(ConcernReceipt.Parse(receipt.DisplayText.ToLowerInvariant())));
        Assert.False(hash.Verify(ConcernReceipt.Generate()));
    }

    [Fact]
    public void Create_StoresArgon2idWithTheDocumentedParametersAndNoReceiptText()
    {
        var receipt = ConcernReceipt.Generate();

        var hash = ConcernReceiptHash.Create(receipt);

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", hash.Encoded, StringComparison.Ordinal);
        Assert.Equal(hash.Encoded, hash.ToString());
        Assert.DoesNotContain(receipt.Locator, hash.Encoded, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt.DisplayText[20..30], hash.Encoded, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SaltsEveryHash()
    {
        var receipt = ConcernReceipt.Generate();

        Assert.NotEqual(ConcernReceiptHash.Create(receipt).Encoded, ConcernReceiptHash.Create(receipt).Encoded);
    }

    [Fact]
    public void TryParse_TheStoredText_VerifiesTheSameReceipt()
    {
        var receipt = ConcernReceipt.Generate();
        var stored = ConcernReceiptHash.Create(receipt).Encoded;

        Assert.True(ConcernReceiptHash.TryParse(stored, out var hash, out var error), error);
        Assert.Equal(stored, hash.Encoded);
        Assert.True(hash.Verify(receipt));
    }

    [Fact]
    public void Decoy_MatchesNoReceipt()
    {
        Assert.False(ConcernReceiptHash.Decoy.Verify(ConcernReceipt.Generate()));
        Assert.Same(ConcernReceiptHash.Decoy, ConcernReceiptHash.Decoy);
    }

    [Theory]
    [InlineData(null, "starts with")]
    [InlineData("$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "starts with")]
    [InlineData("$argon2id$v=16$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "starts with")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=4$c29tZXNhbHRzb21lc2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "p=1")]
    [InlineData("$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "m=8..1048576")]
    [InlineData("$argon2id$v=19$m=019456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "m=8..1048576")]
    [InlineData("$argon2id$v=19$t=2,m=19456,p=1$c29tZXNhbHRzb21lc2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "m=8..1048576")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "salt is 16 bytes")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "salt is 16 bytes")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$AAAA", "16 to 64 bytes")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA", "has the form")]
    public void TryParse_RefusesWithAReason(string? stored, string reason)
    {
        Assert.False(ConcernReceiptHash.TryParse(stored, out var hash, out var error));
        Assert.Null(hash);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
