using HaSim.Analysis.MonteCarlo;
using static HaSim.Analysis.Tests.MonteCarlo.MonteCarloTestData;

namespace HaSim.Analysis.Tests.MonteCarlo;

/// <summary>Memory does not grow with the number of replications, and shard arithmetic adds up.</summary>
public sealed class ScaleTests
{
    [Fact]
    public void AccumulatorSizeDoesNotGrowWithReplications()
    {
        var s = Preset("serverless");
        var small = MonteCarloRunner.Run(s, MonteCarloSettings.For(s, 0.1, 100, 5), ShardSpec.Whole, 2);
        var large = MonteCarloRunner.Run(s, MonteCarloSettings.For(s, 0.1, 10_000, 5), ShardSpec.Whole, 2);
        int smallSize = Text(small).Length;
        int largeSize = Text(large).Length;
        Assert.True(large.Incidents > 50 * small.Incidents, $"{large.Incidents} vs {small.Incidents} incidents");

        // 100 times the replications (and incidents): the state grows only as sketches meet rarer extremes.
        Assert.True(largeSize < 4 * smallSize, $"serialised state: {smallSize} bytes for 100 replications, {largeSize} for 10,000");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 3)]
    [InlineData(7, 7)]
    [InlineData(3, 8)]
    [InlineData(1000, 16)]
    public void ShardsCoverEveryReplicationOnce(long replications, int shards)
    {
        var seen = new int[replications];
        for (int i = 0; i < shards; i++)
        {
            var shard = new ShardSpec(i, shards);
            for (long k = 0; k < shard.ReplicationsOf(replications); k++)
            {
                seen[shard.ReplicationIndex(k)]++;
            }
        }

        Assert.All(seen, c => Assert.Equal(1, c));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    public void ShardsParse(string text, int index, int count) => Assert.Equal(new ShardSpec(index, count), ShardSpec.Parse(text));

    [Theory]
    [InlineData("4/4")]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData(" 2 / 5 ")]
    [InlineData("0/ 4")]
    [InlineData("+1/4")]
    [InlineData("1/4/2")]
    [InlineData("0/")]
    [InlineData("1,0/20")]
    public void BadShardsAreRejected(string text) => Assert.Throws<FormatException>(() => ShardSpec.Parse(text));
}
