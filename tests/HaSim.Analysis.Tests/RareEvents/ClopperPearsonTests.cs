using HaSim.Analysis.Statistics;
using MathNet.Numerics.Distributions;

namespace HaSim.Analysis.Tests.RareEvents;

public sealed class ClopperPearsonTests
{
    [Fact]
    public void No_event_gives_the_rule_of_three()
    {
        double bound = ClopperPearson.UpperBound(0, 1_000_000, 0.95);
        Assert.Equal(1 - Math.Pow(0.05, 1e-6), bound, 15);
        Assert.Equal(2.9957e-6, bound, 1e-10);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(3, 2_000_000)]
    [InlineData(9, 50_000)]
    public void The_bound_leaves_one_minus_the_level_below_the_count(long successes, long trials)
    {
        double bound = ClopperPearson.UpperBound(successes, trials, 0.95);
        Assert.Equal(0.05, Binomial.CDF(bound, (int)trials, successes), 6);
    }

    [Fact]
    public void Edge_cases()
    {
        Assert.Equal(0.3942, ClopperPearson.UpperBound(1, 10, 0.95), 4);
        Assert.Equal(1, ClopperPearson.UpperBound(5, 5, 0.95));
        Assert.True(double.IsNaN(ClopperPearson.UpperBound(0, 0, 0.95)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClopperPearson.UpperBound(6, 5, 0.95));
    }
}
