using Vigie.Server.Features.Sessions;
using Xunit;

namespace Vigie.Server.Tests.Sessions;

public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/app")]
    [InlineData("/app/decisions/42?tab=dissent#d3")]
    [InlineData("/app/search?q=http://example.org")]
    public void LocalPaths_AreKept(string url) => Assert.Equal(url, LocalReturnUrl.OrDefault(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.example")]
    [InlineData("///evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/app\\..\\..\\evil")]
    [InlineData("https://evil.example/")]
    [InlineData("HTTPS://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("app")]
    [InlineData("/app\nLocation: https://evil.example")]
    [InlineData("/app\t")]
    public void AnythingElse_FallsBackToTheWorkspace(string? url) => Assert.Equal("/app", LocalReturnUrl.OrDefault(url));

    [Fact]
    public void VeryLongReturnUrls_AreRefused() => Assert.Equal("/app", LocalReturnUrl.OrDefault("/" + new string('a', 5000)));
}
