using Vigie.Core.Governance;
using Xunit;

namespace Vigie.Core.Tests.Governance;

/// <summary>A charter's optional 'concerns' section: who receives concerns, as a charter setting (issue 7).</summary>
public sealed class CharterConcernsTests
{
    private static string With(string concerns) => CharterReaderTests.Minimal() + concerns;

    private const string Good = """
        concerns:
          recipients:
            - { user: rosa, outside-line: false }
            - { user: sam, outside-line: true }
          tiers:
            - { name: board-committee, recipients: [carol] }
            - { name: ombudsperson, recipients: [olga, oscar] }
          zone: Europe/Paris
          external-channels:
            - { name: EU AI Office, url: "https://example.org/report" }
        """;

    [Fact]
    public void ConcernsSection_IsRead_IntoTheRoutingSettings()
    {
        var load = CharterReader.Read(With(Good));
        Assert.True(load.Charter is not null, load.ErrorText);
        var concerns = load.Charter.Concerns!;
        Assert.Equal([("rosa", false), ("sam", true)], concerns.Recipients.Select(r => (r.User, r.OutsideLine)));
        Assert.Equal(["board-committee", "ombudsperson"], concerns.Tiers.Select(t => t.Name));
        Assert.Equal(["olga", "oscar"], concerns.Tiers[1].Recipients);
        Assert.Equal("Europe/Paris", concerns.Zone);
        Assert.Equal("https://example.org/report", Assert.Single(concerns.ExternalChannels).Url);
        Assert.Equal(["rosa", "sam", "carol", "olga", "oscar"], concerns.AllUsers);
    }

    [Fact]
    public void WithoutTheSection_ThereIsNoRoutingInTheCharter_AndZoneDefaultsToUtc()
    {
        Assert.Null(CharterReader.Read(CharterReaderTests.Minimal()).Charter!.Concerns);
        var minimal = CharterReader.Read(With("concerns:\n  recipients: [{ user: a, outside-line: true }, { user: b }]\n")).Charter!;
        Assert.Equal("UTC", minimal.Concerns!.Zone);
        Assert.False(minimal.Concerns.Recipients[1].OutsideLine);
    }

    [Theory]
    [InlineData("concerns:\n  recipients: [{ user: rosa, outside-line: true }]\n", "Name at least two first-line recipients")]
    [InlineData("concerns:\n  recipients: [{ user: rosa }, { user: sam }]\n", "outside the safety officer's reporting line")]
    [InlineData("concerns:\n  recipients: [{ user: rosa, outside-line: true }, { user: rosa }]\n", "named twice")]
    [InlineData("concerns:\n  recipients: [{ user: Rosa!, outside-line: true }, { user: sam }]\n", "'Rosa!' is not a user name")]
    [InlineData("concerns:\n  recipients: [{ user: a, outside-line: true }, { user: b }]\n  zone: CET\n", "Unknown time zone \"CET\"")]
    [InlineData("concerns:\n  recipients: [{ user: a, outside-line: true }, { user: b }]\n  tiers: [{ name: first-line, recipients: [c] }]\n", "not 'first-line'")]
    [InlineData("concerns:\n  recipients: [{ user: a, outside-line: true }, { user: b }]\n  external-channels: [{ name: X, url: \"ftp://x\" }]\n", "needs an absolute https:, http: or mailto: address")]
    [InlineData("concerns:\n  recipients: [{ user: a, outside-line: yes }, { user: b }]\n", "'outside-line' in an item of 'recipients' must be true or false")]
    [InlineData("concerns:\n  recipients: [{ user: a, outside-line: true }, { user: b }]\n  channels: []\n", "unknown key 'channels' in 'concerns'")]
    [InlineData("concerns:\n  tiers: []\n", "'concerns' is missing 'recipients'")]
    [InlineData("concerns: [rosa, sam]\n", "'concerns' must be a mapping")]
    public void AConcernsSectionThatCannotRoute_IsRefused_WithTheLine(string section, string expected)
    {
        var load = CharterReader.Read(With(section));
        Assert.Null(load.Charter);
        var error = Assert.Single(load.Errors);
        Assert.Contains(expected, error.Message);
        Assert.True(error.Line > CharterReaderTests.Minimal().Split('\n').Length - 1, $"The error points at line {error.Line}, not into the concerns section.");
    }
}
