using HaSim.Analysis.Budgets;
using HaSim.Analysis.Statistics;
using static HaSim.Analysis.Tests.Budgets.BudgetTestData;

namespace HaSim.Analysis.Tests.Budgets;

/// <summary>The verdict rule: pass only if the whole interval meets the limit, fail only if the whole interval breaks it.</summary>
public sealed class VerdictTests
{
    private static Verdict Judge(string goal, double lower, double upper) =>
        GoalParser.Parse(goal, "--goal", Architecture("serverless")).Judge(new ConfidenceInterval((lower + upper) / 2, lower, upper, 0.95));

    [Theory]
    [InlineData("p99 rto <= 120 s", 100, 119.9, Verdict.Pass)]
    [InlineData("p99 rto <= 120 s", 100, 120, Verdict.Pass)]
    [InlineData("p99 rto <= 120 s", 100, 120.1, Verdict.Inconclusive)]
    [InlineData("p99 rto <= 120 s", 120, 130, Verdict.Inconclusive)]
    [InlineData("p99 rto <= 120 s", 120.1, 130, Verdict.Fail)]
    [InlineData("p99 rto <= 120 s", 100, double.PositiveInfinity, Verdict.Inconclusive)]
    [InlineData("p99 rto <= 120 s", 121, double.PositiveInfinity, Verdict.Fail)]
    [InlineData("availability >= 99.95%", 0.9996, 0.9999, Verdict.Pass)]
    [InlineData("availability >= 99.95%", 0.9990, 0.9999, Verdict.Inconclusive)]
    [InlineData("availability >= 99.95%", 0.9980, 0.9994, Verdict.Fail)]
    [InlineData("max rpo_bytes == 0 B", 0, 0, Verdict.Pass)]
    [InlineData("max rpo_bytes == 0 B", 0, 10, Verdict.Inconclusive)]
    [InlineData("max rpo_bytes == 0 B", 1, 10, Verdict.Fail)]
    [InlineData("P(rpo_bytes = 0) == 100%", 0.98, 0.99, Verdict.Fail)]
    public void TheWholeIntervalDecides(string goal, double lower, double upper, Verdict expected) =>
        Assert.Equal(expected, Judge(goal, lower, upper));

    [Fact]
    public void NoDataIsInconclusive() =>
        Assert.Equal(Verdict.Inconclusive, Judge("p99 rto <= 120 s", double.NaN, double.NaN));

    [Fact]
    public void WorseIsAwayFromWhatTheGoalWants()
    {
        var arch = Architecture("serverless");
        Assert.Equal(1, GoalParser.Parse("p99 rto <= 2 min", "g", arch).WorseDirection(100));
        Assert.Equal(-1, GoalParser.Parse("availability >= 99.9%", "g", arch).WorseDirection(0.9999));
        Assert.Equal(1, GoalParser.Parse("max rpo_bytes == 0 B", "g", arch).WorseDirection(0));
        Assert.Equal(-1, GoalParser.Parse("P(rpo_bytes = 0) == 100%", "g", arch).WorseDirection(0.99));
    }
}
