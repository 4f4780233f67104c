using MathNet.Numerics.Distributions;

namespace HaSim.Analysis.Tests.Statistics;

/// <summary>Seeded inputs and helpers for splitting them into shards in different ways.</summary>
internal static class StatisticsTestData
{
    /// <summary>Durations in seconds spanning several orders of magnitude, with some exact zeros.</summary>
    public static double[] Durations(int count, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = random.NextDouble() < 0.1 ? 0.0 : Math.Exp(Normal.Sample(random, 3, 2.5));
        }

        return values;
    }

    /// <summary>Signed values of mixed magnitude.</summary>
    public static double[] Signed(int count, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (random.NextDouble() < 0.4 ? -1 : 1) * Math.Exp(Normal.Sample(random, 0, 3));
        }

        return values;
    }

    /// <summary>A shuffled copy of <paramref name="values"/> cut into a random number of shards of random sizes.</summary>
    public static List<double[]> RandomShards(double[] values, Random random)
    {
        var shuffled = (double[])values.Clone();
        random.Shuffle(shuffled);
        var shardCount = random.Next(1, 40);
        var cuts = Enumerable.Range(0, shardCount - 1).Select(_ => random.Next(0, shuffled.Length + 1)).Append(0).Append(shuffled.Length).Order().ToArray();
        var shards = new List<double[]>();
        for (var i = 0; i + 1 < cuts.Length; i++)
        {
            shards.Add(shuffled[cuts[i]..cuts[i + 1]]);
        }

        return shards;
    }

    /// <summary>Merges partial results in a random tree: repeatedly merges two randomly chosen partials.</summary>
    public static T MergeRandomly<T>(List<T> partials, Random random, Action<T, T> merge)
    {
        var pending = new List<T>(partials);
        while (pending.Count > 1)
        {
            var i = random.Next(pending.Count);
            var target = pending[i];
            pending.RemoveAt(i);
            var j = random.Next(pending.Count);
            merge(target, pending[j]);
            pending[j] = target;
        }

        return pending[0];
    }

    /// <summary>The "lower" order statistic the sketch estimates: sorted[floor(p·(n − 1))].</summary>
    public static double ExactQuantile(double[] sorted, double p) => sorted[(long)Math.Floor(p * (sorted.Length - 1))];

    public static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
