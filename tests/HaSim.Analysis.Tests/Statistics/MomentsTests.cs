using HaSim.Analysis.Statistics;
using MathNet.Numerics.Distributions;
using static HaSim.Analysis.Tests.Statistics.StatisticsTestData;

namespace HaSim.Analysis.Tests.Statistics;

public sealed class MomentsTests
{
    [Fact]
    public void MeanAndStandardDeviationMatchATwoPassComputation()
    {
        var values = Durations(5_000, seed: 3);
        var moments = new Moments();
        foreach (var v in values)
        {
            moments.Add(v);
        }

        // Two-pass on the same quantised values (what the exact sums see), in decimal for reference.
        var quantised = values.Select(v => (decimal)Math.Round(v * 1e6, MidpointRounding.ToEven)).ToArray();
        var mean = quantised.Average();
        var squaredDeviations = quantised.Sum(q => (q - mean) * (q - mean));
        var sd = Math.Sqrt((double)(squaredDeviations / (quantised.Length - 1))) / 1e6;

        Assert.Equal(5_000, moments.Count);
        Assert.Equal((double)mean / 1e6, moments.Mean, 12);
        Assert.Equal(1.0, moments.StandardDeviation / sd, 12);

        // And against a plain two-pass on the raw doubles: quantisation moves them by under a microsecond.
        var rawMean = values.Average();
        var rawSd = Math.Sqrt(values.Sum(v => (v - rawMean) * (v - rawMean)) / (values.Length - 1));
        Assert.InRange(Math.Abs(moments.Mean - rawMean), 0, 5e-7);
        Assert.Equal(1.0, moments.StandardDeviation / rawSd, 9);
        Assert.Equal(values.Min(), moments.Min);
        Assert.Equal(values.Max(), moments.Max);
        Assert.Equal(moments.StandardDeviation / Math.Sqrt(5_000), moments.StandardError);
    }

    [Fact]
    public void MergingShardsInAnyGroupingIsBitwiseIdentical()
    {
        var values = Durations(10_000, seed: 4);
        var single = new Moments();
        foreach (var v in values)
        {
            single.Add(v);
        }

        var random = new Random(5);
        for (var trial = 0; trial < 10; trial++)
        {
            var partials = RandomShards(values, random).Select(shard =>
            {
                var m = new Moments();
                foreach (var v in shard)
                {
                    m.Add(v);
                }

                return m;
            }).ToList();
            var merged = MergeRandomly(partials, random, (a, b) => a.Merge(b));
            Assert.True(merged.HasSameState(single));
            Assert.Equal(Bits(single.Mean), Bits(merged.Mean));
            Assert.Equal(Bits(single.StandardDeviation), Bits(merged.StandardDeviation));
            Assert.Equal(single.MeanConfidenceInterval(0.95), merged.MeanConfidenceInterval(0.95));
        }
    }

    [Fact]
    public void TIntervalUsesTheStudentQuantile()
    {
        var moments = new Moments(ExactSum.WholeUnits);
        for (var i = 1; i <= 20; i++)
        {
            moments.Add(i);
        }

        var ci = moments.MeanConfidenceInterval(0.95);
        var half = 2.0930240544 * Math.Sqrt(35.0) / Math.Sqrt(20); // t(0.975, 19); variance of 1..20 is 35
        Assert.Equal(10.5, ci.Estimate);
        Assert.Equal(10.5 - half, ci.Lower, 9);
        Assert.Equal(10.5 + half, ci.Upper, 9);
        Assert.Equal(0.95, ci.Level);
    }

    [Fact]
    public void TIntervalCoversTheTrueMeanAtAboutTheNominalRate()
    {
        var random = new Random(6);
        var covered = 0;
        const int trials = 1000;
        for (var trial = 0; trial < trials; trial++)
        {
            var moments = new Moments();
            for (var i = 0; i < 20; i++)
            {
                moments.Add(Normal.Sample(random, 10, 2));
            }

            covered += moments.MeanConfidenceInterval(0.95).Contains(10) ? 1 : 0;
        }

        Assert.InRange(covered / (double)trials, 0.93, 0.97);
    }

    [Fact]
    public void DegenerateSamplesGiveHonestIntervals()
    {
        var moments = new Moments();
        var empty = moments.MeanConfidenceInterval();
        Assert.True(double.IsNaN(empty.Estimate) && double.IsNaN(empty.Lower) && double.IsNaN(empty.Upper));
        Assert.Equal(double.PositiveInfinity, moments.Min);
        Assert.Equal(double.NegativeInfinity, moments.Max);

        moments.Add(4);
        var one = moments.MeanConfidenceInterval();
        Assert.Equal(4, one.Estimate);
        Assert.Equal(double.NegativeInfinity, one.Lower);
        Assert.Equal(double.PositiveInfinity, one.Upper);

        moments.Add(4);
        var constant = moments.MeanConfidenceInterval();
        Assert.Equal((4.0, 4.0), (constant.Lower, constant.Upper));

        Assert.Throws<ArgumentOutOfRangeException>(() => moments.MeanConfidenceInterval(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => moments.MeanConfidenceInterval(0));
    }

    [Fact]
    public void SignedZerosDoNotDependOnOrder()
    {
        var a = new Moments();
        a.Add(-0.0);
        a.Add(0.0);
        var b = new Moments();
        b.Add(0.0);
        b.Add(-0.0);
        Assert.True(a.HasSameState(b));
        Assert.Equal(Bits(0.0), Bits(a.Min));
    }

    [Fact]
    public void RejectedValuesLeaveTheStateUnchanged()
    {
        var moments = new Moments();
        moments.Add(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => moments.Add(double.NaN));
        Assert.Equal(1, moments.Count);
        Assert.Equal(1, moments.Max);
    }
}
