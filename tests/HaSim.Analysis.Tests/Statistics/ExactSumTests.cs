using HaSim.Analysis.Statistics;
using static HaSim.Analysis.Tests.Statistics.StatisticsTestData;

namespace HaSim.Analysis.Tests.Statistics;

public sealed class ExactSumTests
{
    [Fact]
    public void SumsAreBitwiseIdenticalForAnyPermutationAndGrouping()
    {
        var values = Signed(10_000, seed: 1).Select(v => v * 1000).ToArray();
        var single = new ExactSum();
        foreach (var v in values)
        {
            single.Add(v);
        }

        var naiveSums = new HashSet<long>();
        var random = new Random(2);
        for (var trial = 0; trial < 20; trial++)
        {
            var shards = RandomShards(values, random);
            var partials = shards.Select(shard =>
            {
                var sum = new ExactSum();
                foreach (var v in shard)
                {
                    sum.Add(v);
                }

                return sum;
            }).ToList();
            var merged = MergeRandomly(partials, random, (a, b) => a.Merge(b));

            Assert.True(merged.HasSameState(single));
            Assert.Equal(10_000, merged.Count);
            Assert.Equal(single.SumQuanta, merged.SumQuanta);
            Assert.Equal(single.SumOfSquaresQuanta, merged.SumOfSquaresQuanta);
            Assert.Equal(Bits(single.Sum), Bits(merged.Sum));
            Assert.Equal(Bits(single.Mean), Bits(merged.Mean));
            Assert.Equal(Bits(single.Variance), Bits(merged.Variance));

            naiveSums.Add(Bits(shards.Select(s => s.Sum()).Sum()));
        }

        // The problem being solved is real: plain double sums of the same shards disagree.
        Assert.True(naiveSums.Count > 1);
    }

    [Fact]
    public void QuantisesToTheResolutionWithTiesToEven()
    {
        var micro = new ExactSum(ExactSum.MicrosecondsPerSecond);
        micro.Add(0.1);
        micro.Add(2.0000004);
        Assert.Equal((Int128)2_100_000, micro.SumQuanta);
        Assert.Equal(1e-6, micro.Resolution);
        Assert.Equal(2.1, micro.Sum);

        var whole = new ExactSum(ExactSum.WholeUnits);
        Assert.Equal(2, whole.Quantise(2.5));
        Assert.Equal(4, whole.Quantise(3.5));
        Assert.Equal(-2, whole.Quantise(-2.5));
        whole.Add(2.5);
        whole.Add(3.5);
        whole.Add(-7);
        Assert.Equal((Int128)(-1), whole.SumQuanta);
        Assert.Equal(4 + 16 + 49, whole.SumOfSquaresQuanta);
        Assert.Equal(3, whole.Count);
    }

    [Fact]
    public void VarianceHasNoCancellationForLargeOffsets()
    {
        // Values 1e9 + {1, 2, 3, 4} bytes: the naive one-pass formula in doubles loses everything.
        var sum = new ExactSum(ExactSum.WholeUnits);
        foreach (var v in new[] { 1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4 })
        {
            sum.Add(v);
        }

        Assert.Equal(1e9 + 2.5, sum.Mean);
        Assert.Equal(5.0 / 3.0, sum.Variance, 15);
    }

    [Fact]
    public void RejectsValuesOutsideTheRange()
    {
        var sum = new ExactSum();
        Assert.Throws<ArgumentOutOfRangeException>(() => sum.Add(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => sum.Add(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => sum.Add(1e13)); // 1e19 microseconds > 2^63
        sum.Add(9e12);
        Assert.Equal(1, sum.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExactSum(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExactSum(double.NaN));
    }

    [Fact]
    public void SquaresOfValuesAtTheEdgeOfTheRangeAddUpExactlyBeyond128Bits()
    {
        var sum = new ExactSum(ExactSum.WholeUnits);
        for (int i = 0; i < 5; i++)
        {
            sum.AddQuanta(long.MaxValue); // 5·(2^63 − 1)^2 > 2^127: beyond a 128-bit sum of squares
        }

        var merged = sum.Clone();
        merged.Merge(sum);
        var edge = (System.Numerics.BigInteger)long.MaxValue;
        Assert.Equal(5 * edge * edge, sum.SumOfSquaresQuanta);
        Assert.Equal(10 * edge * edge, merged.SumOfSquaresQuanta);
        Assert.Equal(0, sum.Variance);
        var back = ExactSum.FromJson(System.Text.Json.Nodes.JsonNode.Parse(merged.ToJson().ToJsonString()));
        Assert.True(back.HasSameState(merged));
    }

    [Fact]
    public void AStateNoValuesCouldGiveIsRefused()
    {
        var json = new ExactSum(ExactSum.WholeUnits).ToJson();
        json["count"] = 2;
        json["sum"] = "10";
        json["sumOfSquares"] = "1"; // (Σq)² = 100 > n·Σq² = 2
        Assert.Throws<System.Text.Json.JsonException>(() => ExactSum.FromJson(json));
    }

    [Fact]
    public void RefusesToMergeDifferentResolutions()
    {
        Assert.Throws<ArgumentException>(() => new ExactSum(1e6).Merge(new ExactSum(1e3)));
    }

    [Fact]
    public void EmptyAndSingleValueStatisticsAreNaNWhereUndefined()
    {
        var sum = new ExactSum();
        Assert.True(double.IsNaN(sum.Mean));
        Assert.True(double.IsNaN(sum.Variance));
        sum.Add(3);
        Assert.Equal(3, sum.Mean);
        Assert.True(double.IsNaN(sum.Variance));
    }
}
