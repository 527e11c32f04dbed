using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Vigie.Interop.Tests;

/// <summary>The fixtures are the files MANIFEST.md says they are, byte for byte (git blob ids).</summary>
public sealed partial class ManifestTests
{
    [Fact]
    public void EveryListedFile_HasTheBlobIdTheManifestRecords()
    {
        var manifest = File.ReadAllText(RealWorld.PathOf("MANIFEST.md"));
        var rows = Row().Matches(manifest);
        Assert.True(rows.Count >= 20, $"Expected the manifest's table of fixtures, found {rows.Count} rows.");
        foreach (Match row in rows)
        {
            var path = row.Groups["path"].Value;
            var expected = row.Groups["blob"].Value;
            Assert.Equal(expected, GitBlobId(File.ReadAllBytes(RealWorld.PathOf(path))));
        }
    }

    [Theory]
    [InlineData("merkle.json")]
    [InlineData("notes.json")]
    public void CommittedVectorCopies_AreIdenticalToTheShared(string name)
    {
        var shared = File.ReadAllBytes(RealWorld.PathOf(Path.Combine("tlog-vectors", name)));
        var committed = File.ReadAllBytes(Path.Combine(RealWorld.Repository, "tests", "Vigie.Core.Tests", "Vectors", name));
        Assert.Equal(shared, committed);
    }

    /// <summary>git hash-object: SHA-1 of "blob &lt;length&gt;\0" followed by the content.</summary>
    private static string GitBlobId(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
    }

    [GeneratedRegex(@"^\| (?<path>[^ |]+\.[a-z]+) \|.*\| (?<blob>[0-9a-f]{40}) \|\s*$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
