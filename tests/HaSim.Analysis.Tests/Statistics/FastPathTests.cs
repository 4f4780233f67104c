using System.Numerics;
using HaSim.Analysis.Statistics;

namespace HaSim.Analysis.Tests.Statistics;

/// <summary>
/// The statistics add values through fast paths (an inlined bucket index, a covered-bucket increment,
/// one-limb squares, zeros without quantising): each must leave exactly the state the general path does.
/// </summary>
public sealed class FastPathTests
{
    /// <summary>Values of every kind: random bits over the whole positive range, subnormals, powers of two and their neighbours, typical figures.</summary>
    private static List<double> PositiveValues(int seed)
    {
        var random = new Random(seed);
        var values = new List<double> { double.Epsilon, double.MaxValue, 1, 2, 0.5, 1e-300, 1e300, 2.2250738585072014E-308, 2.2250738585072009E-308 };
        for (int e = -1074; e <= 1023; e++)
        {
            var p = Math.ScaleB(1, e);
            values.Add(p);
            values.Add(Math.BitIncrement(p));
            values.Add(Math.BitDecrement(p));
        }

        for (int i = 0; i < 50_000; i++)
        {
            values.Add(BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FF0_0000_0000_0000L))); // any positive finite double
            values.Add(Math.Exp((random.NextDouble() * 30) - 10)); // microseconds to days
        }

        values.RemoveAll(v => !(v > 0) || !double.IsFinite(v));
        return values;
    }

    /// <summary>The index as the mapping computed it before the fast path: one expression, subnormals scaled inline.</summary>
    private static int ReferenceIndex(double value, double multiplier)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var shift = 0;
        if (exponent == 0)
        {
            bits = BitConverter.DoubleToInt64Bits(value * 18446744073709551616.0);
            exponent = (int)((bits >> 52) & 0x7FF);
            shift = 64;
        }

        var s = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L) - 1.0;
        var log2 = (((((6.0 / 35.0) * s) + (-3.0 / 5.0)) * s) + (10.0 / 7.0)) * s + (exponent - 1023 - shift);
        return (int)Math.Ceiling(log2 * multiplier);
    }

    [Theory]
    [InlineData(0.005)]
    [InlineData(0.01)]
    [InlineData(1e-5)]
    [InlineData(0.49)]
    public void TheBucketIndexIsTheGeneralOne(double alpha)
    {
        var mapping = new LogIndexMapping(alpha);
        foreach (var v in PositiveValues(seed: 1))
        {
            var expected = ReferenceIndex(v, mapping.Multiplier);
            Assert.Equal(expected, mapping.Index(v));
            Assert.Equal(expected, LogIndexMapping.Index(v, mapping.Multiplier));
        }
    }

    /// <summary>The store holds exactly the counts <paramref name="expected"/> says, with their total and index range.</summary>
    private static void AssertHolds(Dictionary<int, long> expected, BucketStore store)
    {
        foreach (var (index, count) in expected)
        {
            Assert.Equal(count, store[index]);
        }

        Assert.Equal(expected.Values.Sum(), store.TotalCount);
        Assert.Equal(expected.Keys.Min(), store.MinIndex);
        Assert.Equal(expected.Keys.Max(), store.MaxIndex);
    }

    [Fact]
    public void AddingOnesCountsEveryIndexWhereverTheStoreMustGrow()
    {
        var random = new Random(2);
        var store = new BucketStore();
        var expected = new Dictionary<int, long>();
        for (int i = 0; i < 20_000; i++)
        {
            // Mostly near a centre that drifts, with jumps far away that make the store grow on either side.
            int index = random.Next(10) == 0 ? random.Next(-200_000, 200_000) : (i / 40) + random.Next(-50, 50);
            store.Add(index, 1);
            expected[index] = expected.GetValueOrDefault(index) + 1;
            if (i % 1000 == 0)
            {
                AssertHolds(expected, store);
            }
        }

        AssertHolds(expected, store);
        Assert.Equal(JsonText.Write(store.ToJson()), JsonText.Write(BucketStore.FromJson(store.ToJson(), "test").ToJson()));

        // A copy, and a store read back, count inside and outside what they cover just the same.
        foreach (var copy in new[] { store.Clone(), BucketStore.FromJson(store.ToJson(), "test") })
        {
            var counts = new Dictionary<int, long>(expected);
            foreach (var index in new[] { store.MinIndex, store.MaxIndex, store.MinIndex - 1, store.MaxIndex + 1, store.MinIndex - 100_000, store.MaxIndex + 100_000 })
            {
                copy.Add(index, 1);
                counts[index] = counts.GetValueOrDefault(index) + 1;
            }

            AssertHolds(counts, copy);
        }
    }

    [Fact]
    public void TheFirstAddsToAnEmptyStoreAndToAStoreReadFromJsonAreCounted()
    {
        foreach (var store in new[] { new BucketStore(), BucketStore.FromJson(new BucketStore().ToJson(), "test") })
        {
            store.Add(int.MaxValue - 3, 1);
            store.Add(int.MaxValue - 5, 1);
            AssertHolds(new Dictionary<int, long> { [int.MaxValue - 3] = 1, [int.MaxValue - 5] = 1 }, store);
        }
    }

    /// <summary>Quanta of every size the sums meet, with the limits of the one-limb square path on both sides.</summary>
    private static List<long> Quanta(int seed)
    {
        const long Small = uint.MaxValue;
        var random = new Random(seed);
        var quanta = new List<long> { 0, 1, -1, Small, -Small, Small + 1, -Small - 1, Small - 1, -Small + 1, long.MaxValue, long.MinValue + 1, long.MinValue };
        for (int i = 0; i < 20_000; i++)
        {
            quanta.Add(random.Next(4) switch
            {
                0 => random.NextInt64(-Small - 10, Small + 10),
                1 => random.NextInt64(long.MinValue, long.MaxValue),
                2 => Small - random.Next(1000), // squares near 2^64: the lowest limb carries often
                _ => random.NextInt64(-30_000_000, 30_000_000),
            });
        }

        return quanta;
    }

    [Fact]
    public void TheExactSumHoldsTheExactTotalsOfQuantaOfEverySize()
    {
        var sum = new ExactSum(1);
        BigInteger total = 0, squares = 0;
        foreach (var q in Quanta(seed: 3))
        {
            sum.AddQuanta(q);
            total += q;
            squares += (BigInteger)q * q;
        }

        Assert.Equal(total, (BigInteger)sum.SumQuanta);
        Assert.Equal(squares, sum.SumOfSquaresQuanta);
        var read = ExactSum.FromJson(sum.ToJson());
        Assert.True(read.HasSameState(sum));
        Assert.Equal(squares, read.SumOfSquaresQuanta);
    }

    [Fact]
    public void TheExactSumIsTheSameWhateverTheOrderOrGrouping()
    {
        var quanta = Quanta(seed: 4);
        var inOrder = new ExactSum(1);
        foreach (var q in quanta)
        {
            inOrder.AddQuanta(q);
        }

        var shuffled = quanta.ToArray();
        new Random(5).Shuffle(shuffled);
        var merged = new ExactSum(1);
        var part = new ExactSum(1);
        for (int i = 0; i < shuffled.Length; i++)
        {
            part.AddQuanta(shuffled[i]);
            if (i % 777 == 0)
            {
                merged.Merge(part);
                part = new ExactSum(1);
            }
        }

        merged.Merge(part);
        Assert.True(merged.HasSameState(inOrder));
        Assert.Equal(inOrder.SumOfSquaresQuanta, merged.SumOfSquaresQuanta);
    }

    [Fact]
    public void AddingZerosOnlyCounts()
    {
        var zeros = new ExactSum();
        var general = new ExactSum();
        zeros.AddZeros(3);
        general.Add(0.0);
        general.Add(-0.0);
        general.AddQuanta(0);
        Assert.True(zeros.HasSameState(general));
    }

    /// <summary>Values a statistic meets: both signed zeros, negatives, tiny and huge magnitudes, typical durations.</summary>
    private static List<double> SignedValues(int seed)
    {
        var random = new Random(seed);
        var values = new List<double> { 0.0, -0.0, 1e-300, -1e-300, double.Epsilon, -double.Epsilon, 9e12, -9e12, 5e9, 9e6, -9e6, 0.5e-6, 1.5e-6, 2.5e-6 };
        for (int i = 0; i < 30_000; i++)
        {
            values.Add(random.Next(6) switch
            {
                0 => 0.0,
                1 => -0.0,
                2 => -Math.Exp((random.NextDouble() * 20) - 10),
                3 => Math.Round(random.NextDouble() * 100) / 1e6, // whole microseconds
                _ => Math.Exp((random.NextDouble() * 25) - 10),
            });
        }

        return values;
    }

    [Theory]
    [InlineData(ExactSum.MicrosecondsPerSecond)]
    [InlineData(ExactSum.WholeUnits)]
    [InlineData(1e12)]
    public void TheAccumulatorLeavesTheStateOfItsMomentsAndSketchFedOneByOne(double quantaPerUnit)
    {
        var fast = new StatisticAccumulator(quantaPerUnit);
        var moments = new Moments(quantaPerUnit);
        var sketch = new QuantileSketch();
        foreach (var v in SignedValues(seed: 6).Where(v => Math.Abs(v * quantaPerUnit) < 9e18)) // in range for the resolution
        {
            fast.Add(v);
            moments.Add(v);
            sketch.Add(v);
        }

        Assert.True(fast.Moments.HasSameState(moments));
        Assert.True(fast.Sketch.HasSameState(sketch));
        Assert.Equal(JsonText.Write(moments.ToJson()), JsonText.Write(fast.Moments.ToJson()));
        Assert.Equal(JsonText.Write(sketch.ToJson()), JsonText.Write(fast.Sketch.ToJson()));
    }

    [Fact]
    public void OnlyZerosGiveAZeroMinimumAndMaximum()
    {
        var fast = new StatisticAccumulator();
        fast.Add(-0.0);
        fast.Add(0.0);
        Assert.Equal(2, fast.Count);
        Assert.Equal(2, fast.Sketch.ZeroCount);
        Assert.True(double.IsPositive(fast.Moments.Min) && fast.Moments.Min == 0);
        Assert.True(double.IsPositive(fast.Sketch.Max) && fast.Sketch.Max == 0);
    }

    [Fact]
    public void ARejectedValueReachesNeitherPart()
    {
        var fast = new StatisticAccumulator();
        fast.Add(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => fast.Add(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => fast.Add(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => fast.Add(1e20)); // too large for microseconds
        Assert.Equal(1, fast.Moments.Count);
        Assert.Equal(1, fast.Sketch.Count);
    }
}
