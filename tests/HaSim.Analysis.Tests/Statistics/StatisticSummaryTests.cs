using HaSim.Analysis.Statistics;
using MathNet.Numerics.Distributions;

namespace HaSim.Analysis.Tests.Statistics;

public sealed class StatisticSummaryTests
{
    [Fact]
    public void SummaryCombinesMomentsAndSketch()
    {
        var random = new Random(30);
        var accumulator = new StatisticAccumulator();
        var values = new double[10_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Exponential.Sample(random, 1.0 / 60); // mean one minute
            accumulator.Add(values[i]);
        }

        Array.Sort(values);
        var summary = accumulator.Summarise(0.95);
        Assert.Equal(10_000, summary.Count);
        Assert.Equal(accumulator.Moments.Mean, summary.Mean);
        Assert.Equal(accumulator.Moments.MeanConfidenceInterval(0.95), summary.MeanInterval);
        Assert.True(summary.MeanInterval.Contains(60));
        Assert.Equal(values[0], summary.Min);
        Assert.Equal(values[^1], summary.Max);
        Assert.Equal(0.95, summary.Level);
        Assert.Equal(0.005, summary.RelativeAccuracy);

        (double P, ConfidenceInterval Ci)[] quantiles = [(0.5, summary.P50), (0.9, summary.P90), (0.99, summary.P99), (0.999, summary.P999)];
        foreach (var (p, ci) in quantiles)
        {
            var exact = StatisticsTestData.ExactQuantile(values, p);
            Assert.True(Math.Abs(ci.Estimate - exact) <= 0.005 * exact);
            Assert.True(ci.Lower <= ci.Estimate && ci.Estimate <= ci.Upper);
            Assert.True(ci.Contains(-60 * Math.Log(1 - p)), $"p={p}: [{ci.Lower}, {ci.Upper}]");
            Assert.True(double.IsFinite(ci.Upper));
        }
    }

    [Fact]
    public void MismatchedInputsAreRejected()
    {
        var moments = new Moments();
        moments.Add(1);
        Assert.Throws<ArgumentException>(() => StatisticSummary.From(moments, new QuantileSketch()));
        Assert.Throws<ArgumentException>(() => new StatisticAccumulator().Merge(new StatisticAccumulator(relativeAccuracy: 0.01)));
    }
}
