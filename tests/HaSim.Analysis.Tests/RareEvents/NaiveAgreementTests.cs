using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.RareEvents;
using HaSim.Analysis.Tests.ClosedForm;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running.Biasing;

namespace HaSim.Analysis.Tests.RareEvents;

/// <summary>
/// The accelerated estimate against naive Monte Carlo where naive is still affordable (P about 1e-3 to
/// 1e-2), over several seeds: a WAL quorum loss of the serverless preset as it is, and a data loss of
/// zone-redundant HA with zone outages every 180 days per zone instead of every 4 years.
/// The naive reference is the same runner with no biasing (likelihood ratio 1: the model's own law, draw
/// for draw the naive replications).
/// </summary>
public sealed class NaiveAgreementTests
{
    [Fact]
    public void Serverless_quorum_loss_agrees_with_naive_monte_carlo()
    {
        var scenario = ScenarioLoader.Parse("preset: serverless\n", "serverless.yaml");
        AssertAgrees(scenario, RareEvent.AnyIncident, "wal_quorum_lost", naive: 16_000, accelerated: 1_500, seeds: 6);
    }

    [Fact]
    public void Data_loss_with_frequent_zone_outages_agrees_with_naive_monte_carlo()
    {
        var scenario = ClosedFormRuns.Scenario("""
            preset: azure-zone-redundant-ha
            parameters:
              failures.az_outage.interval: {exponential: {mean: 180 d}}
            """);
        AssertAgrees(scenario, RareEvent.DataLoss, null, naive: 16_000, accelerated: 2_000, seeds: 4);
    }

    private static void AssertAgrees(Scenario scenario, RareEvent rareEvent, string? mode, int naive, int accelerated, int seeds)
    {
        var reference = RareEventRunner.Run(scenario, new RareEventSettings(rareEvent, mode, 1, naive, 1000, Biasing: FailureBiasing.None(rareEvent.Importance)), ShardSpec.Whole, 2).Summarise();
        Assert.True(reference.Run.Accumulator.Hits >= 10, $"naive reference has only {reference.Run.Accumulator.Hits} events");
        Assert.Equal(1.0, reference.MeanLikelihoodRatio.Value);

        double weighted = 0, weights = 0;
        for (ulong seed = 1; seed <= (ulong)seeds; seed++)
        {
            var estimate = RareEventRunner.Run(scenario, new RareEventSettings(rareEvent, mode, 1, accelerated, seed), ShardSpec.Whole, 2, checkInvariants: true).Summarise();
            double se = estimate.Probability.Value * estimate.RelativeError;
            double seNaive = reference.Probability.Value * reference.RelativeError;
            double gap = Math.Abs(estimate.Probability.Value - reference.Probability.Value);
            Assert.True(gap <= 3 * Math.Sqrt((se * se) + (seNaive * seNaive)),
                $"seed {seed}: accelerated {estimate.Probability.Value:E3} ± {se:E2} vs naive {reference.Probability.Value:E3} ± {seNaive:E2}");
            Assert.DoesNotContain(RareEventWarning.LikelihoodDrift, estimate.Warnings);
            weighted += estimate.Probability.Value / (se * se);
            weights += 1 / (se * se);
        }

        // Pooled over the seeds, the accelerated estimate lies inside the naive 95% interval.
        Assert.True(reference.Probability.Interval.Contains(weighted / weights),
            $"pooled {weighted / weights:E3} outside naive [{reference.Probability.Interval.Lower:E3}, {reference.Probability.Interval.Upper:E3}]");
    }
}
