using HaSim.Analysis.Statistics;

namespace HaSim.Analysis.Tests.Statistics;

public sealed class ProportionEstimateTests
{
    [Theory]
    [InlineData(8, 10, 0.4902, 0.9433)]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(50, 100, 0.4038, 0.5962)]
    [InlineData(1, 1000, 0.000177, 0.005631)]
    public void WilsonIntervalMatchesTextbookValues(long successes, long trials, double lower, double upper)
    {
        var ci = new ProportionEstimate(successes, trials).WilsonInterval(0.95);
        Assert.Equal(successes / (double)trials, ci.Estimate);
        Assert.Equal(lower, ci.Lower, 0.00006);
        Assert.Equal(upper, ci.Upper, 0.00006);
    }

    [Fact]
    public void ZeroSuccessesGiveTheRuleOfThreeLikeBound()
    {
        var ci = new ProportionEstimate(0, 120).WilsonInterval(0.95);
        var z2 = 1.959963984540054 * 1.959963984540054;
        Assert.Equal(0.0, ci.Lower);
        Assert.Equal(z2 / (120 + z2), ci.Upper, 12);
    }

    [Fact]
    public void CountsAddAndMerge()
    {
        var a = new ProportionEstimate();
        a.Add(true);
        a.Add(false);
        a.Add(true);
        var b = new ProportionEstimate(5, 7);
        a.Merge(b);
        Assert.Equal((7L, 10L), (a.Successes, a.Trials));
        Assert.Equal(0.7, a.Proportion);
        Assert.Equal((5L, 7L), (b.Successes, b.Trials));
    }

    [Fact]
    public void EmptyAndInvalid()
    {
        var empty = new ProportionEstimate().WilsonInterval();
        Assert.True(double.IsNaN(empty.Estimate));
        Assert.Equal((0.0, 1.0), (empty.Lower, empty.Upper));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProportionEstimate(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProportionEstimate(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProportionEstimate(1, 2).WilsonInterval(1.5));
    }
}
