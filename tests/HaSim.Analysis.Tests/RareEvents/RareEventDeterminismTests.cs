using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.RareEvents;
using HaSim.Scenarios.Binding;

namespace HaSim.Analysis.Tests.RareEvents;

public sealed class RareEventDeterminismTests
{
    private static string State(RareEventAccumulator a) =>
        $"{a.Replications} {a.Hits} {a.Events} {a.Weights.ToHex()} {a.SquaredWeights.ToHex()} {a.Ratios.ToHex()} {a.SquaredRatios.ToHex()} {a.MaxWeight:R} {a.ExtraFailures} {a.Episodes} {a.VulnerableSeconds.SumQuanta}";

    [Fact]
    public void Threads_and_shards_do_not_change_the_result()
    {
        var scenario = ScenarioLoader.Parse("preset: azure-zone-redundant-ha\n", "zr.yaml");
        var settings = new RareEventSettings(RareEvent.DataLoss, null, 1, 90, 5, PilotReplications: 40);
        var one = RareEventRunner.Run(scenario, settings, ShardSpec.Whole, 1);
        var three = RareEventRunner.Run(scenario, settings, ShardSpec.Whole, 3);
        Assert.Equal(State(one.Accumulator), State(three.Accumulator));
        Assert.Equal(one.Biasing.Components, three.Biasing.Components);
        Assert.True(one.Accumulator.ExtraFailures > 0);

        var merged = new RareEventAccumulator();
        foreach (int i in new[] { 2, 0, 1 })
        {
            merged.Merge(RareEventRunner.Run(scenario, settings, ShardSpec.Parse($"{i}/3"), 2).Accumulator);
        }

        Assert.Equal(State(one.Accumulator), State(merged));
    }
}
