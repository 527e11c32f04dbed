using Vigie.Server.Features.Gate;
using Xunit;

namespace Vigie.Server.Tests.Gate;

/// <summary>A rule's 'implements' text on the policy page: web addresses become links, nothing else does.</summary>
public sealed class PolicyViewsTests
{
    [Fact]
    public void Linked_MakesHttpAddressesLinks_AndLeavesPunctuationAndOtherSchemesAsText()
    {
        Assert.Equal(
            [("Regulation (EU) 2024/1689 Art. 52 (", false), ("https://eur-lex.europa.eu/eli/reg/2024/1689/oj", true), ("). See ", false), ("http://example.org/a?b=c#d", true), (".", false)],
            PolicyViews.Linked("Regulation (EU) 2024/1689 Art. 52 (https://eur-lex.europa.eu/eli/reg/2024/1689/oj). See http://example.org/a?b=c#d."));
        Assert.Equal([("Charter, section 2", false)], PolicyViews.Linked("Charter, section 2"));
        Assert.Equal([("javascript:alert(1) data:text/html,x", false)], PolicyViews.Linked("javascript:alert(1) data:text/html,x"));
        Assert.Equal([("see ", false), ("https://a.example/x", true), ("\"onclick=", false)], PolicyViews.Linked("see https://a.example/x\"onclick="));
    }
}
