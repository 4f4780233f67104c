using HaSim.Model.Architectures;
using HaSim.Model.Incidents;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;
using HaSim.Scenarios.Running.Biasing;

namespace HaSim.Scenarios.Tests.Biasing;

public sealed class BiasedReplicationTests
{
    private static string Incidents(RunRecorder recorder) => string.Join("\n", recorder.Incidents.Select(i =>
        $"{i.FailureMode.Key} {i.StartSeconds:R} {i.ClientRestoredSeconds:R} {i.RpoBytes:R} {string.Join(",", i.Stages.Select(s => s.Stage.Key))}"));

    [Theory]
    [InlineData("serverless")]
    [InlineData("azure-zone-redundant-ha")]
    [InlineData("aiven-startup")]
    public void Without_biasing_a_replication_is_the_naive_one_draw_for_draw(string preset)
    {
        var scenario = ScenarioLoader.Parse($"preset: {preset}\n", "naive.yaml");
        for (long index = 0; index < 12; index++)
        {
            var naive = new RunRecorder(keepTrace: false);
            ReplicationRunner.Run(scenario, 3, index, 2, naive, checkInvariants: true);
            var unbiased = new RunRecorder(keepTrace: false);
            var outcome = BiasedReplicationRunner.Run(scenario, 3, index, 2, unbiased, FailureBiasing.None(RedundancyKind.Service), checkInvariants: true);

            Assert.Equal(Incidents(naive), Incidents(unbiased));
            Assert.Equal(0, outcome.LogLikelihoodRatio);
            Assert.Equal(0, outcome.ExtraFailures);
        }
    }

    [Fact]
    public void Biasing_adds_failures_only_in_vulnerable_episodes_and_keeps_the_invariants()
    {
        var scenario = ScenarioLoader.Parse("preset: azure-zone-redundant-ha\n", "biased.yaml");
        var biasing = FailureBiasing.Single(RedundancyKind.Data, 2, 60);
        long extra = 0, episodes = 0;
        for (long index = 0; index < 20; index++)
        {
            var recorder = new RunRecorder(keepTrace: false);
            var outcome = BiasedReplicationRunner.Run(scenario, 3, index, 1, recorder, biasing, checkInvariants: true);
            extra += outcome.ExtraFailures;
            episodes += outcome.Episodes;
            Assert.True(outcome.VulnerableSeconds > 0 == outcome.Episodes > 0);
            Assert.True(double.IsFinite(outcome.LogLikelihoodRatio));
            Assert.True(outcome.ExtraFailures == 0 || outcome.LogLikelihoodRatio != 0);
        }

        // About θ·ln(1 + S/τ) per episode: with θ = 2, at least one per episode of a minute or more.
        Assert.True(episodes > 100, $"{episodes} episodes");
        Assert.True(extra > episodes / 2, $"{extra} extra failures in {episodes} episodes");
    }
}
