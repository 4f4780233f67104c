using HaSim.Analysis.Budgets;
using HaSim.Analysis.Statistics;
using HaSim.Kernel.Random;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;
using static HaSim.Analysis.Tests.Budgets.BudgetTestData;

namespace HaSim.Analysis.Tests.Budgets;

/// <summary>The doubling schedule and alpha spending: repeated looks keep the error rate of a verdict within alpha.</summary>
public sealed class SequentialPlanTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(100, 100, 1)]
    [InlineData(100, 199, 1)]
    [InlineData(100, 200, 2)]
    [InlineData(100, 1599, 4)]
    [InlineData(100, 1600, 5)]
    [InlineData(1000, 8000, 4)]
    public void ReplicationsDoubleUpToTheCap(long first, long cap, int looks)
    {
        var plan = new SequentialPlan(first, cap, 0.95);
        Assert.Equal(looks, plan.Looks);
        Assert.Equal(first, plan.ReplicationsAt(1));
        Assert.True(plan.ReplicationsAt(looks) <= cap);
        Assert.True(plan.ReplicationsAt(looks) * 2 > cap);
    }

    [Fact]
    public void LookKSpendsAlphaOverTwoToTheK()
    {
        var plan = new SequentialPlan(100, 1L << 40, 0.95);
        Assert.Equal(0.975, plan.LevelAt(1), 12);
        Assert.Equal(0.9875, plan.LevelAt(2), 12);
        Assert.Equal(1 - (0.05 / 1024), plan.LevelAt(10), 12);
        double spent = Enumerable.Range(1, plan.Looks).Sum(k => 1 - plan.LevelAt(k));
        Assert.True(spent < 0.05, $"spent {spent}");
    }

    [Fact]
    public void TheEstimateOfWhatItTakesShrinksTheIntervalBelowTheMargin()
    {
        var plan = new SequentialPlan(100, 800, 0.95);
        double h = 10, margin = 2.5;
        long n = plan.ReplicationsToDecide(4, h, margin)!.Value;
        double Z(int k) => Normal.InvCDF(0, 1, 1 - ((1 - plan.LevelAt(k)) / 2));
        int look = (int)Math.Log2(n / 100) + 1;
        Assert.Equal(n, plan.ReplicationsAt(look));
        Assert.True(h * Z(look) / Z(4) * Math.Sqrt(800.0 / n) < margin);
        Assert.True(h * Z(look - 1) / Z(4) * Math.Sqrt(800.0 / (n / 2)) >= margin);
        Assert.Null(plan.ReplicationsToDecide(4, h, 0));

        // A p99 from 0.3 incidents per replication needs ln(tail)/ln(0.99) incidents for an upper bound.
        long bound = plan.ReplicationsToBound(1, 0.99, 0.3)!.Value;
        int at = (int)Math.Log2(bound / 100) + 1;
        Assert.True(0.3 * bound >= Math.Log((1 - plan.LevelAt(at)) / 2) / Math.Log(0.99));
        Assert.True(0.3 * (bound / 2) < Math.Log((1 - plan.LevelAt(at - 1)) / 2) / Math.Log(0.99));
    }

    /// <summary>
    /// The truth sits exactly on the limit, P(x &gt; 1 s) = 20% against "&lt;= 20%", so a fail verdict
    /// is wrong. Over 4,000 seeded sequences of up to six looks, alpha spending keeps wrong verdicts
    /// within alpha/2 (the one-sided half of a two-sided 95% interval); judging every look at a plain
    /// 95% does not.
    /// </summary>
    [Fact]
    public void RepeatedLooksDoNotInflateTheErrorRate()
    {
        var goal = GoalParser.Parse("P(rto > 1 s) <= 20%", "g", Architecture("serverless"));
        var plan = new SequentialPlan(50, 1600, goal.Confidence);
        Assert.Equal(6, plan.Looks);
        const int sequences = 4000;
        int spentWrong = 0, naiveWrong = 0, spentDecided = 0;
        for (int s = 0; s < sequences; s++)
        {
            var spent = Sequence(goal, plan, new RandomStream("test/sequential", (ulong)s), spend: true);
            var naive = Sequence(goal, plan, new RandomStream("test/sequential", (ulong)s), spend: false);
            spentWrong += spent == Verdict.Fail ? 1 : 0;
            naiveWrong += naive == Verdict.Fail ? 1 : 0;
            spentDecided += spent != Verdict.Inconclusive ? 1 : 0;
        }

        double alphaHalf = (1 - goal.Confidence) / 2;
        double sigma = Math.Sqrt(alphaHalf * (1 - alphaHalf) / sequences);
        double spentRate = (double)spentWrong / sequences, naiveRate = (double)naiveWrong / sequences;
        output.WriteLine($"wrong verdicts: alpha spending {spentRate:P2}, plain 95% every look {naiveRate:P2}; decided {spentDecided} of {sequences}");
        Assert.True(spentRate <= alphaHalf + (3 * sigma), $"alpha spending: {spentRate} wrong verdicts");
        Assert.True(naiveRate > alphaHalf + (3 * sigma), $"plain 95% at every look: {naiveRate} wrong verdicts");
        Assert.True(naiveRate > 1.5 * spentRate, $"{naiveRate} vs {spentRate}");
        Assert.True(spentDecided > 0);
    }

    private static Verdict Sequence(Goal goal, SequentialPlan plan, RandomStream random, bool spend)
    {
        var count = new ProportionEstimate();
        for (int look = 1; ; look++)
        {
            while (count.Trials < plan.ReplicationsAt(look))
            {
                count.Add(random.NextDouble() < 0.2);
            }

            var verdict = goal.Judge(count.WilsonInterval(spend ? plan.LevelAt(look) : goal.Confidence));
            if (verdict != Verdict.Inconclusive || look == plan.Looks)
            {
                return verdict;
            }
        }
    }
}
