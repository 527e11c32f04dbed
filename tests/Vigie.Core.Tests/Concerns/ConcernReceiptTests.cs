using System.Text.RegularExpressions;
using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Core.Tests.Concerns;

public sealed partial class ConcernReceiptTests
{
    // Check symbol computed outside Vigie (Python: alphabet[sha256(body)[0] >> 3]).
    private const string Known = "0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ-7QK7";

    [Fact]
    public void Generate_Gives9GroupsOf4CrockfordSymbols()
    {
        var receipt = ConcernReceipt.Generate();

        Assert.Matches(Shape(), receipt.DisplayText);
        Assert.Equal(receipt.DisplayText.Replace("-", "", StringComparison.Ordinal)[..ConcernReceipt.LocatorLength], receipt.Locator);
    }

    [Fact]
    public void Generate_DrawsEverySymbolUniformly()
    {
        var receipts = Enumerable.Range(0, 1000).Select(_ => ConcernReceipt.Generate()).ToList();
        var counts = receipts
            .SelectMany(r => r.DisplayText.Replace("-", "", StringComparison.Ordinal)[..^1])
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(1000, receipts.Select(r => r.DisplayText).Distinct().Count());
        Assert.Equal(32, counts.Count);

        // 35,000 symbols, about 1,094 each (sd ≈ 32): 6 sd either side never fails by chance.
        Assert.All(counts.Values, n => Assert.InRange(n, 900, 1300));
    }

    [Fact]
    public void TryParse_AKnownReceipt_ReadsItsLocator()
    {
        var receipt = ConcernReceipt.Parse(Known);

        Assert.Equal("012345678", receipt.Locator);
        Assert.Equal(Known, receipt.DisplayText);
    }

    [Theory]
    [InlineData("0123456789ABCDEFGHJKMNPQRSTVWXYZ7QK7")]
    [InlineData("0123-4567-89ab-cdef-ghjk-mnpq-rstv-wxyz-7qk7")]
    [InlineData("  O123 4567 89AB CDEF GHJK MNPQ RSTV WXYZ 7QK7\n")]
    [InlineData("0I23-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ-7QK7")]
    [InlineData("0l23-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ-7QK7")]
    public void TryParse_ForgivesCaseSpacingAndLookalikes(string typed)
    {
        Assert.True(ConcernReceipt.TryParse(typed, out var receipt, out var error), error);
        Assert.Equal(Known, receipt.DisplayText);
    }

    [Theory]
    [InlineData("0123-4567-89AB-DCEF-GHJK-MNPQ-RSTV-WXYZ-7QK7", "typing error")]
    [InlineData("0123-4567-89AB-CDEF-GHJK-NNPQ-RSTV-WXYZ-7QK7", "typing error")]
    [InlineData("0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ-7QK", "has 35")]
    [InlineData("0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ-7QK77", "has 37")]
    [InlineData("0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ-7QKU", "without U")]
    [InlineData("0123_4567", "without U")]
    [InlineData("", "has 0")]
    [InlineData(null, "has 0")]
    public void TryParse_RefusesWithAReasonThatDoesNotRepeatIt(string? typed, string reason)
    {
        Assert.False(ConcernReceipt.TryParse(typed, out var receipt, out var error));
        Assert.Null(receipt);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain("4567", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ShowsOnlyTheLocator()
    {
        var receipt = ConcernReceipt.Parse(Known);

        Assert.Contains("012345678", receipt.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("WXYZ", receipt.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex Shape();
}
