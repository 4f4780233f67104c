using HaSim.Analysis.Statistics;
using MathNet.Numerics.Distributions;
using static HaSim.Analysis.Tests.Statistics.StatisticsTestData;

namespace HaSim.Analysis.Tests.Statistics;

public sealed class QuantileSketchTests
{
    private static readonly double[] Probabilities =
        [0, 1e-5, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 0.9999, 0.99999, 1];

    [Theory]
    [InlineData(0.005)]
    [InlineData(0.01)]
    [InlineData(0.0001)]
    public void LognormalQuantilesAreWithinTheRelativeErrorBound(double alpha)
    {
        var random = new Random(7);
        var values = new double[100_000];
        var sketch = new QuantileSketch(alpha);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = LogNormal.Sample(random, 2, 1.5);
            sketch.Add(values[i]);
        }

        Array.Sort(values);
        foreach (var p in Probabilities)
        {
            var exact = ExactQuantile(values, p);
            var estimate = sketch.Quantile(p);
            Assert.True(Math.Abs(estimate - exact) <= alpha * exact, $"p={p}: {estimate} vs {exact}");
        }

        Assert.Equal(values[0], sketch.Quantile(0));
        Assert.Equal(values[^1], sketch.Quantile(1));
        Assert.Equal(values.Length, sketch.Count);
    }

    [Fact]
    public void EveryRankOfSignedValuesIsWithinTheBound()
    {
        var values = Signed(20_000, seed: 8);
        var sketch = new QuantileSketch();
        foreach (var v in values)
        {
            sketch.Add(v);
        }

        Array.Sort(values);
        for (var rank = 0; rank < values.Length; rank += 37)
        {
            var p = (rank + 0.5) / (values.Length - 1);
            var exact = values[rank];
            Assert.True(Math.Abs(sketch.Quantile(p) - exact) <= 0.005 * Math.Abs(exact), $"rank {rank}");
        }
    }

    [Fact]
    public void ZerosAndTheExtremesAreExact()
    {
        var sketch = new QuantileSketch();
        for (var i = 0; i < 700; i++)
        {
            sketch.Add(0.0);
        }

        for (var i = 1; i <= 300; i++)
        {
            sketch.Add(i * 0.37);
        }

        Assert.Equal(700, sketch.ZeroCount);
        Assert.Equal(0.0, sketch.Quantile(0));
        Assert.Equal(0.0, sketch.Quantile(0.5));
        Assert.Equal(0.0, sketch.Quantile(699.0 / 999));
        Assert.True(sketch.Quantile(700.5 / 999) > 0);
        Assert.Equal(300 * 0.37, sketch.Quantile(1));
        Assert.Equal(0.0, sketch.Min);
        Assert.Equal(300 * 0.37, sketch.Max);

        var ci = sketch.QuantileConfidenceInterval(0.5);
        Assert.Equal((0.0, 0.0, 0.0), (ci.Estimate, ci.Lower, ci.Upper));
    }

    [Fact]
    public void ExtremeMagnitudesIncludingSubnormalsAreSupported()
    {
        var sketch = new QuantileSketch();
        double[] values = [double.Epsilon, 1e-310, 1e-300, 1e-10, 1, 1e10, 1e300, double.MaxValue];
        foreach (var v in values)
        {
            sketch.Add(v);
            sketch.Add(-v);
        }

        Assert.Equal(-double.MaxValue, sketch.Quantile(0));
        Assert.Equal(double.MaxValue, sketch.Quantile(1));
        var all = values.Concat(values.Select(v => -v)).Order().ToArray();
        for (var rank = 0; rank < all.Length; rank++)
        {
            var p = Math.Min(1, (rank + 0.5) / (all.Length - 1));
            var estimate = sketch.Quantile(p);
            Assert.True(Math.Abs(estimate - all[rank]) <= 0.005 * Math.Abs(all[rank]), $"{estimate} vs {all[rank]}");
        }
    }

    [Fact]
    public void MergingShardsInAnyGroupingGivesTheSameSketch()
    {
        var values = Durations(10_000, seed: 9);
        var single = new QuantileSketch();
        foreach (var v in values)
        {
            single.Add(v);
        }

        var expectedJson = single.ToJson().ToJsonString();
        var random = new Random(10);
        for (var trial = 0; trial < 10; trial++)
        {
            var partials = RandomShards(values, random).Select(shard =>
            {
                var s = new QuantileSketch();
                foreach (var v in shard)
                {
                    s.Add(v);
                }

                return s;
            }).ToList();
            var merged = MergeRandomly(partials, random, (a, b) => a.Merge(b));
            Assert.True(merged.HasSameState(single));
            Assert.Equal(expectedJson, merged.ToJson().ToJsonString());
            foreach (var p in Probabilities)
            {
                Assert.Equal(Bits(single.Quantile(p)), Bits(merged.Quantile(p)));
                Assert.Equal(single.QuantileConfidenceInterval(p), merged.QuantileConfidenceInterval(p));
            }
        }
    }

    [Fact]
    public void MemoryIsBoundedByTheLogarithmicRange()
    {
        // Log-uniform from a microsecond to a year: 13.5 decades.
        const double min = 1e-6, max = 3.2e7;
        var random = new Random(11);
        var sketch = new QuantileSketch(0.005);
        for (var i = 0; i < 100_000; i++)
        {
            sketch.Add(min * Math.Pow(max / min, random.NextDouble()));
        }

        var gamma = 1.005 / 0.995;
        var bound = 2 + (1.01 * (Math.Log2(max / min) + 0.0025) / Math.Log2(gamma));
        Assert.InRange(sketch.BucketCount, 0.9 * bound, bound);
        var allocated = sketch.AllocatedBucketCount;
        Assert.InRange(allocated, sketch.BucketCount, (2 * bound) + 64);

        for (var i = 0; i < 100_000; i++)
        {
            sketch.Add(min * Math.Pow(max / min, random.NextDouble()));
        }

        Assert.Equal(allocated, sketch.AllocatedBucketCount);
    }

    [Fact]
    public void QuantileIntervalUsesTheBinomialOrderStatisticRanks()
    {
        // For n = 100 the distribution-free 95% interval for the median is [X(40), X(61)] (one-based).
        var sketch = new QuantileSketch();
        for (var i = 1; i <= 100; i++)
        {
            sketch.Add(i);
        }

        var ci = sketch.QuantileConfidenceInterval(0.5, 0.95);
        Assert.Equal(50, ci.Estimate, 0.25); // X(50) within 0.5%
        Assert.InRange(ci.Lower, 40 * 0.995 / 1.005, 40); // X(40), widened to its bucket's lower edge
        Assert.InRange(ci.Upper, 61, 61 * 1.005 / 0.995);  // X(61), widened to its bucket's upper edge
    }

    [Fact]
    public void QuantileIntervalCoversTheTrueQuantileOfAKnownDistribution()
    {
        // Exponential(1): the median is ln 2 and the 90th percentile ln 10.
        var random = new Random(12);
        const int trials = 500;
        int coveredMedian = 0, coveredP90 = 0;
        for (var trial = 0; trial < trials; trial++)
        {
            var sketch = new QuantileSketch();
            for (var i = 0; i < 200; i++)
            {
                sketch.Add(Exponential.Sample(random, 1));
            }

            var median = sketch.QuantileConfidenceInterval(0.5, 0.95);
            var p90 = sketch.QuantileConfidenceInterval(0.9, 0.95);
            Assert.True(median.Lower <= median.Estimate && median.Estimate <= median.Upper);
            coveredMedian += median.Contains(Math.Log(2)) ? 1 : 0;
            coveredP90 += p90.Contains(Math.Log(10)) ? 1 : 0;
        }

        Assert.InRange(coveredMedian / (double)trials, 0.93, 0.99);
        Assert.InRange(coveredP90 / (double)trials, 0.93, 0.99);
    }

    [Fact]
    public void QuantileIntervalIsUnboundedWhenTheDataCannotSupportIt()
    {
        var sketch = new QuantileSketch();
        for (var i = 1; i <= 1000; i++)
        {
            sketch.Add(i);
        }

        var p999 = sketch.QuantileConfidenceInterval(0.999, 0.95);
        Assert.Equal(double.PositiveInfinity, p999.Upper);
        Assert.True(p999.Lower > 990);
        var p0 = sketch.QuantileConfidenceInterval(0, 0.95);
        Assert.Equal((1.0, double.NegativeInfinity, 1.0), (p0.Estimate, p0.Lower, p0.Upper));
        var p1 = sketch.QuantileConfidenceInterval(1, 0.95);
        Assert.Equal((1000.0, 1000.0, double.PositiveInfinity), (p1.Estimate, p1.Lower, p1.Upper));
    }

    [Fact]
    public void EmptySketchAndInvalidArguments()
    {
        var sketch = new QuantileSketch();
        Assert.True(double.IsNaN(sketch.Quantile(0.5)));
        Assert.True(double.IsNaN(sketch.QuantileConfidenceInterval(0.5).Upper));
        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Quantile(1.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Quantile(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Add(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Add(double.NegativeInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Add(1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSketch(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSketch(0.5));
        Assert.Throws<ArgumentException>(() => sketch.Merge(new QuantileSketch(0.01)));
        Assert.Equal(0, sketch.Count);
    }

    [Fact]
    public void WeightedAddEqualsRepeatedAdd()
    {
        var weighted = new QuantileSketch();
        weighted.Add(2.5, 1000);
        weighted.Add(0, 10);
        var repeated = new QuantileSketch();
        for (var i = 0; i < 1000; i++)
        {
            repeated.Add(2.5);
        }

        for (var i = 0; i < 10; i++)
        {
            repeated.Add(-0.0);
        }

        Assert.True(weighted.HasSameState(repeated));
    }

    [Fact]
    public void BucketIndicesAreStable()
    {
        // Shard files written by one machine are merged on another: the bucket of a value is part of the
        // format. 1.0 maps to bucket 0 and 2.0 to bucket ceil(m) = 70 at α = 0.005 (m ≈ 69.9995).
        var one = new QuantileSketch();
        one.Add(1.0);
        Assert.Equal(0, one.ToJson()["positive"]!["start"]!.GetValue<int>());
        var two = new QuantileSketch();
        two.Add(2.0);
        Assert.Equal(70, two.ToJson()["positive"]!["start"]!.GetValue<int>());
        var pi = new QuantileSketch();
        pi.Add(-Math.PI);
        Assert.Equal("{\"start\":116,\"counts\":[1]}", pi.ToJson()["negative"]!.ToJsonString());
    }
}
