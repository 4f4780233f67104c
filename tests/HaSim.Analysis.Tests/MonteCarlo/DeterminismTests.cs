using HaSim.Analysis.MonteCarlo;
using static HaSim.Analysis.Tests.MonteCarlo.MonteCarloTestData;

namespace HaSim.Analysis.Tests.MonteCarlo;

/// <summary>The core requirement: the same accumulator state, hence the same summary, for any thread count and shard split.</summary>
public sealed class DeterminismTests
{
    [Theory]
    [InlineData("serverless")]
    [InlineData("azure-zone-redundant-ha")]
    [InlineData("aiven-startup")]
    public void ThreadCountDoesNotChangeTheResult(string preset)
    {
        var s = Preset(preset);
        var settings = MonteCarloSettings.For(s, 2, 40, 7);
        var one = Text(MonteCarloRunner.Run(s, settings, ShardSpec.Whole, 1));
        var two = Text(MonteCarloRunner.Run(s, settings, ShardSpec.Whole, 2));
        var four = Text(MonteCarloRunner.Run(s, settings, ShardSpec.Whole, 4));
        Assert.Equal(one, two);
        Assert.Equal(one, four);
        Assert.Contains("\"replications\": 40", one, StringComparison.Ordinal);
    }

    [Fact]
    public void ShardsMergedInAnyOrderEqualTheSingleRun()
    {
        var s = Preset("azure-same-zone-ha");
        var settings = MonteCarloSettings.For(s, 2, 31, 3);
        var single = MonteCarloRunner.Run(s, settings, ShardSpec.Whole, 2);
        var expected = JsonText.Write(single.ToJson());
        var summary = Summary(single, s);

        foreach (int n in new[] { 2, 3, 5 })
        {
            var parts = Enumerable.Range(0, n).Select(i => Shard(s, settings, i, n)).ToList();
            Assert.Equal(31, parts.Sum(p => p.Accumulator.Replications));
            foreach (var order in new[] { parts, Enumerable.Reverse(parts).ToList(), parts.Skip(1).Append(parts[0]).ToList() })
            {
                // Through the partial.json text, as merge reads it.
                var read = order.Select(p => ($"shard {p.Shard}", PartialResult.Parse(p.ToJsonText()))).ToList();
                var (identity, merged) = PartialResult.Merge(read);
                Assert.Equal(expected, Text(merged));
                Assert.Equal(summary, Summary(merged, s));
                Assert.Equal(Identity(s), identity);
            }
        }
    }

    [Fact]
    public void AShardWithNoReplicationsIsValid()
    {
        var s = Preset("serverless");
        var settings = MonteCarloSettings.For(s, 0.5, 2, 1);
        var parts = Enumerable.Range(0, 4).Select(i => Shard(s, settings, i, 4)).ToList();
        Assert.Equal([1L, 1, 0, 0], parts.Select(p => p.Accumulator.Replications));
        var (_, merged) = PartialResult.Merge([.. parts.Select(p => (p.Shard.ToString(), p))]);
        Assert.Equal(Text(MonteCarloRunner.Run(s, settings, ShardSpec.Whole, 1)), Text(merged));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentResults()
    {
        var s = Preset("serverless");
        var a = Text(MonteCarloRunner.Run(s, MonteCarloSettings.For(s, 2, 10, 1), ShardSpec.Whole, 2));
        var b = Text(MonteCarloRunner.Run(s, MonteCarloSettings.For(s, 2, 10, 2), ShardSpec.Whole, 2));
        Assert.NotEqual(a, b);
    }

    /// <summary>A text rendering of every summary figure (records hold lists, so compare their printed form).</summary>
    private static string Summary(MonteCarloAccumulator a, HaSim.Scenarios.Binding.Scenario s)
    {
        var m = a.Summarise(Identity(s));
        return string.Join("\n", new object[] { m with { Settings = m.Settings with { CreditTiers = [] }, FailureModes = [], Stages = [], Degraded = [], Monthly = m.Monthly with { Bands = [], Tiers = [] } } }
            .Concat(m.FailureModes).Concat(m.Stages).Concat(m.Degraded).Concat(m.Monthly.Bands).Concat(m.Monthly.Tiers)
            .Select(x => x.ToString()));
    }
}
