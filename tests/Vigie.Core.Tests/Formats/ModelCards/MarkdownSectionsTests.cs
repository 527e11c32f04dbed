using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Core.Tests.Formats.ModelCards;

public sealed class MarkdownSectionsTests
{
    [Fact]
    public void Headings_AreAtxOnly_UpToThreeSpacesOfIndent()
    {
        var sections = MarkdownSections.Split("#hashtag\n   ## Indented\ntext\n    # code block line\n####### seven\n#\n");

        Assert.Equal(
            [new CardSection("", 0, "#hashtag"), new CardSection("Indented", 2, "text\n    # code block line\n####### seven"), new CardSection("", 1, "")],
            sections);
    }

    [Fact]
    public void FencedCode_HidesHeadings_UntilTheSameFenceCloses()
    {
        var sections = MarkdownSections.Split("# A\n````\n# in code\n```\n# still code\n````\n# B\n~~~\n# tilde code\n~~~\n");

        Assert.Equal(["A", "B"], sections.Select(s => s.Heading));
        Assert.Contains("# still code", sections[0].Text, StringComparison.Ordinal);
        Assert.Contains("# tilde code", sections[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Join_ThenSplit_GivesTheSameSections()
    {
        IReadOnlyList<CardSection> sections = [new("", 0, "Intro"), new("Title", 1, "Body  \n\n- item"), new("Empty", 2, ""), new("Last", 3, "x")];

        Assert.Equal(sections, MarkdownSections.Split(MarkdownSections.Join(sections)));
    }
}
