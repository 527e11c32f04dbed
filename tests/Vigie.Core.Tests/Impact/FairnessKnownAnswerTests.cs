using Vigie.Core.Impact;
using Xunit;

namespace Vigie.Core.Tests.Impact;

/// <summary>The METHODS.md fairness vector and the edge cases Fairlearn and AIF360 define.</summary>
public sealed class FairnessKnownAnswerTests
{
    private const string MethodsVector = "group,label,prediction\na,1,1\na,1,1\na,0,1\na,0,0\nb,1,1\nb,1,0\nb,0,0\nb,0,0\n";

    private static FairnessReport Analyse(string csv, string? reference = null, params string[] groups)
    {
        var read = FairnessCsv.Read(new StringReader(csv), new FairnessCsvOptions(groups.Length == 0 ? ["group"] : groups, WeightColumn: csv.Contains("weight", StringComparison.Ordinal) ? "weight" : null));
        Assert.Null(read.Error);
        return FairnessAnalysis.Analyse(groups.Length == 0 ? ["group"] : groups, read.Groups!, reference, minGroupSize: 2);
    }

    [Fact]
    public void MethodsVector_GivesThePublishedMetrics()
    {
        var r = Analyse(MethodsVector, reference: "a");
        var a = r.Groups.Single(g => g.Group == "a");
        var b = r.Groups.Single(g => g.Group == "b");
        Assert.Equal(0.75, a.SelectionRate);
        Assert.Equal(0.25, b.SelectionRate);
        Assert.Equal(0.5, r.DemographicParityDifference!.Value, 12);
        Assert.Equal(0.333, r.DemographicParityRatio!.Value, 3);
        Assert.Equal(1.0, a.TruePositiveRate);
        Assert.Equal(0.5, b.TruePositiveRate);
        Assert.Equal(0.5, a.FalsePositiveRate);
        Assert.Equal(0.0, b.FalsePositiveRate);
        Assert.Equal(0.5, r.EqualizedOddsDifference!.Value, 12);
        Assert.Equal(0.0, r.EqualizedOddsRatio);
        var di = Assert.Single(r.DisparateImpacts);
        Assert.Equal("b", di.Group);
        Assert.Equal(0.333, di.Ratio!.Value, 3);
        Assert.False(di.PassesFourFifths);
        Assert.False(r.PassesFourFifths);
    }

    [Fact]
    public void WithoutAReference_TheGroupWithTheHighestSelectionRateIsUsed_As29Cfr1607Says()
    {
        var r = Analyse(MethodsVector);
        Assert.Equal("a", r.Reference);
        Assert.Contains("1607.4(D)", r.ReferenceChosenBy);
    }

    [Fact]
    public void ConfusionCounts_GiveTheSameAnswer_AsTheSamples()
    {
        var r = Analyse("group,tp,fp,tn,fn\na,2,1,1,0\nb,1,0,2,1\n", reference: "a");
        Assert.Equal(0.5, r.DemographicParityDifference!.Value, 12);
        Assert.Equal(0.0, r.EqualizedOddsRatio);
        Assert.Equal(0.333, r.DisparateImpacts.Single().Ratio!.Value, 3);
    }

    [Fact]
    public void Weights_CountLikeRepeatedSamples()
    {
        var weighted = Analyse("group,label,prediction,weight\na,1,1,2\na,0,1,1\na,0,0,1\nb,1,1,1\nb,1,0,1\nb,0,0,2\n", reference: "a");
        var repeated = Analyse(MethodsVector, reference: "a");
        Assert.Equal(repeated.DemographicParityDifference, weighted.DemographicParityDifference);
        Assert.Equal(repeated.EqualizedOddsDifference, weighted.EqualizedOddsDifference);
        Assert.Equal(repeated.DisparateImpacts.Single().Ratio, weighted.DisparateImpacts.Single().Ratio);
    }

    [Fact]
    public void ASingleGroup_HasNoDisparity_AndSaysSo()
    {
        var r = Analyse("group,label,prediction\na,1,1\na,0,0\n");
        Assert.Equal(0, r.DemographicParityDifference);
        Assert.Equal(1, r.DemographicParityRatio);
        Assert.Empty(r.DisparateImpacts);
        Assert.Null(r.PassesFourFifths);
        Assert.Contains(r.Warnings, w => w.Contains("Only one group", StringComparison.Ordinal));
    }

    [Fact]
    public void ZeroDenominators_LeaveRatesUndefined_NotZero()
    {
        // b has no positive labels (TPR undefined) and nobody is selected in c (reference SR 0 if chosen).
        var r = Analyse("group,label,prediction\na,1,1\na,0,0\nb,0,1\nb,0,0\nc,1,0\nc,0,0\n", reference: "c");
        Assert.Null(r.Groups.Single(g => g.Group == "b").TruePositiveRate);
        Assert.Equal(1.0, r.EqualizedOddsDifference); // TPR a = 1, c = 0
        Assert.All(r.DisparateImpacts, d => Assert.Null(d.Ratio));
        Assert.Null(r.PassesFourFifths);
        Assert.Contains(r.Warnings, w => w.Contains("no positive labels", StringComparison.Ordinal));
        Assert.Contains(r.Warnings, w => w.Contains("selection rate of 0", StringComparison.Ordinal));
    }

    [Fact]
    public void SeveralGroupColumns_MakeIntersectionalGroups()
    {
        var r = Analyse("sex,age,label,prediction\nf,young,1,1\nf,old,1,0\nm,young,0,1\nm,old,0,0\n", null, "sex", "age");
        Assert.True(r.Intersectional);
        Assert.Equal(["f & old", "f & young", "m & old", "m & young"], r.Groups.Select(g => g.Group));
    }

    [Fact]
    public void SmallGroups_AreWarnedAbout()
    {
        var read = FairnessCsv.Read(new StringReader(MethodsVector), new FairnessCsvOptions(["group"]));
        var r = FairnessAnalysis.Analyse(["group"], read.Groups!, null);
        Assert.Equal(2, r.Warnings.Count(w => w.Contains("fewer than 30", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("group,label,prediction\na,1,maybe\n", "Line 2: prediction must be 1/0")]
    [InlineData("group,label\na,1\n", "no column 'prediction'")]
    [InlineData("group,label,prediction\n", "no data rows")]
    [InlineData("", "empty")]
    [InlineData("group,label,prediction\na,1,1\nb,1\n", "cannot be read")]
    [InlineData("group,label,prediction\n,1,1\n", "Line 2: the group value is empty")]
    public void BadFiles_AreRefused_NamingTheProblem(string csv, string message)
    {
        var read = FairnessCsv.Read(new StringReader(csv), new FairnessCsvOptions(["group"]));
        Assert.Null(read.Groups);
        Assert.Contains(message, read.Error);
    }

    [Fact]
    public void BomAndCrlf_AreRead()
    {
        var read = FairnessCsv.Read(new StringReader("\uFEFF" + MethodsVector.Replace("\n", "\r\n", StringComparison.Ordinal)), new FairnessCsvOptions(["group"]));
        Assert.Null(read.Error);
        Assert.Equal(8, read.Rows);
    }
}
