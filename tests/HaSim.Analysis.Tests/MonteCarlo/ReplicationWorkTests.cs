using HaSim.Analysis.MonteCarlo;
using HaSim.Scenarios.Running;
using static HaSim.Analysis.Tests.MonteCarlo.MonteCarloTestData;

namespace HaSim.Analysis.Tests.MonteCarlo;

/// <summary>The work a replication reports (what the preset benchmark divides by simulated years) is counted, consistent and reproducible.</summary>
public sealed class ReplicationWorkTests
{
    [Theory]
    [InlineData("serverless")]
    [InlineData("aiven-business")]
    [InlineData("azure-zone-redundant-ha")]
    public void WorkIsConsistentAndTheSameForTheSameSeed(string preset)
    {
        var s = Preset(preset);
        var settings = MonteCarloSettings.For(s, 20, 1, 7);
        var accumulator = new MonteCarloAccumulator(settings);
        var first = RunOnce(s, settings, accumulator);
        var again = RunOnce(s, settings, new MonteCarloAccumulator(settings));

        Assert.Equal(first, again);
        Assert.True(accumulator.Incidents > 10, $"{preset}: only {accumulator.Incidents} incidents");

        // Every incident opens inside a settle, and every settle takes at least one round.
        Assert.True(first.Settles >= accumulator.Incidents, $"{first.Settles} settles for {accumulator.Incidents} incidents");
        Assert.True(first.SettleRounds >= first.Settles, $"{first.SettleRounds} rounds for {first.Settles} settles");

        // A stage-only transition is an event that did not settle: there are fewer of them than events.
        Assert.InRange(first.StageOnlyTransitions, 1, first.Events - 1);
    }

    private static ReplicationWork RunOnce(Scenarios.Binding.Scenario scenario, MonteCarloSettings settings, MonteCarloAccumulator accumulator)
    {
        var tally = new ReplicationTally(accumulator);
        tally.Begin();
        ReplicationRunner.Run(scenario, settings.Seed, 0, settings.Years, tally, out var work);
        tally.Complete();
        return work;
    }

    [Fact]
    public void WorkOfTwoReplicationsAddsUp()
    {
        var a = new ReplicationWork(10, 7, 9, 2);
        var b = new ReplicationWork(5, 4, 4, 1);
        Assert.Equal(new ReplicationWork(15, 11, 13, 3), a + b);
    }
}
