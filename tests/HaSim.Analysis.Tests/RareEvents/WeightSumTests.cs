using System.Numerics;
using HaSim.Analysis.RareEvents;

namespace HaSim.Analysis.Tests.RareEvents;

public sealed class WeightSumTests
{
    /// <summary>Values from 1e-60 to 1e40 (likelihood ratios and their squares), from a fixed generator.</summary>
    private static double[] Values(int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => Math.Pow(10, (random.NextDouble() * 100) - 60) * random.NextDouble())];
    }

    [Fact]
    public void The_sum_is_exact_against_a_big_integer_oracle()
    {
        var values = Values(2000, 1);
        var sum = new WeightSum();
        var oracle = BigInteger.Zero;
        foreach (var v in values)
        {
            sum.Add(v);
            long bits = BitConverter.DoubleToInt64Bits(v);
            int exponent = (int)((bits >> 52) & 0x7FF);
            var mantissa = new BigInteger((bits & ((1L << 52) - 1)) | (1L << 52));
            oracle += mantissa << (exponent - 1075 + 384); // every value here is above 2^-384: no rounding
        }

        Assert.Equal(oracle.ToString("x").TrimStart('0').PadLeft(1, '0'), sum.ToHex().TrimStart('0'));
        Assert.Equal((double)oracle * Math.Pow(2, -384), sum.Value, 12);
    }

    [Fact]
    public void Any_grouping_and_order_gives_the_same_bits()
    {
        var values = Values(3000, 2);
        var whole = new WeightSum();
        foreach (var v in values)
        {
            whole.Add(v);
        }

        var parts = Enumerable.Range(0, 7).Select(_ => new WeightSum()).ToArray();
        for (int i = values.Length - 1; i >= 0; i--)
        {
            parts[(i * 5) % 7].Add(values[i]);
        }

        var merged = new WeightSum();
        foreach (var p in parts.Reverse())
        {
            merged.Merge(p);
        }

        Assert.Equal(whole.ToHex(), merged.ToHex());
        Assert.Equal(values.Sum(), whole.Value, 1e-9 * values.Sum());
    }

    [Fact]
    public void Tiny_values_round_to_the_resolution_and_bad_values_are_refused()
    {
        var sum = new WeightSum();
        sum.Add(Math.ScaleB(1, -386)); // a quarter of the resolution: rounds to 0
        Assert.Equal(0, sum.Value);
        sum.Add(Math.ScaleB(3, -385)); // 1.5 quanta: rounds to even, 2
        Assert.Equal(Math.ScaleB(1, -383), sum.Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => sum.Add(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sum.Add(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => sum.Add(double.PositiveInfinity));
    }
}
