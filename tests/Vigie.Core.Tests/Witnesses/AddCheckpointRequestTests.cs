using Vigie.Core.Witnesses;
using Xunit;

namespace Vigie.Core.Tests.Witnesses;

public sealed class AddCheckpointRequestTests
{
    [Fact]
    public void SpecExampleBody_Parses_AndWritesBackByteForByte()
    {
        var body = CosignatureVectors.Text("specAddCheckpointBody");
        Assert.True(AddCheckpointRequest.TryParse(body, out var request, out var error), error);
        Assert.Equal(20852014, request!.OldSize);
        Assert.Equal(4, request.Proof.Count);
        Assert.StartsWith("example.com/behind-the-sofa\n20852163\n", request.Checkpoint, StringComparison.Ordinal);
        Assert.Equal(2, request.Checkpoint.Split('\n').Count(l => l.StartsWith("— ", StringComparison.Ordinal)));
        Assert.Equal(body, request.ToBody());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("old 5\nexample\n", "empty line")]
    [InlineData("old 05\n\nx\n", "old <size>")]
    [InlineData("old -1\n\nx\n", "old <size>")]
    [InlineData("new 5\n\nx\n", "old <size>")]
    [InlineData("old 5\nnot-base64\n\nx\n", "line 1")]
    [InlineData("old 5\nAAAA\n\nx\n", "line 1")]
    [InlineData("old 5\n\n", "no checkpoint")]
    public void MalformedBodies_AreRefused_SayingWhy(string body, string expected)
    {
        Assert.False(AddCheckpointRequest.TryParse(body, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void MoreThan63ProofLines_AreRefused()
    {
        var line = Convert.ToBase64String(new byte[32]) + "\n";
        Assert.False(AddCheckpointRequest.TryParse("old 5\n" + string.Concat(Enumerable.Repeat(line, 64)) + "\nx\n", out _, out var error));
        Assert.Contains("63", error);
        Assert.True(AddCheckpointRequest.TryParse("old 5\n" + string.Concat(Enumerable.Repeat(line, 63)) + "\nx\n", out _, out _));
    }
}
