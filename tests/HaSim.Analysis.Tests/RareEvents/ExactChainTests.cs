using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.RareEvents;
using HaSim.Analysis.Tests.ClosedForm;

namespace HaSim.Analysis.Tests.RareEvents;

/// <summary>
/// The accelerated estimator against an exact answer: the serverless safekeepers alone form a 2-of-3
/// system of exponential components (outages every λ⁻¹ on average, lasting μ⁻¹, λ = 10⁻³ μ); a year has a
/// quorum loss iff the chain "safekeepers down" reaches 2 within the year, whose probability is
/// [exp(QT)]_{0,2} of its small generator. While one safekeeper is down one repair runs, so one repair crew
/// and independent repairs give the same first passage.
/// </summary>
public sealed class ExactChainTests
{
    private const double MeanUpDays = 20 * 365.25;
    private const double MeanDownDays = MeanUpDays / 1000;

    [Fact]
    public void Two_of_three_quorum_loss_in_a_year_matches_the_exact_chain()
    {
        var scenario = ClosedFormRuns.OnlyFailures(
            "serverless",
            "safekeeper.reconnect: 0 s",
            $"failures.safekeeper_outage.interval: {{exponential: {{mean: {MeanUpDays} d}}}}",
            $"failures.safekeeper_outage.duration: {{exponential: {{mean: {MeanDownDays} d}}}}");
        double lambda = 1 / MeanUpDays, mu = 1 / MeanDownDays;
        double exact = FirstPassage.Probability(FirstPassage.KOfN(3, 2, lambda, mu, oneCrew: true), 0, 2, 365.25);
        Assert.Equal(exact, FirstPassage.Probability(FirstPassage.KOfN(3, 2, lambda, mu, oneCrew: false), 0, 2, 365.25), 15);
        Assert.InRange(exact, 2e-4, 4e-4);

        foreach (ulong seed in new ulong[] { 11, 12, 13, 14 })
        {
            var settings = new RareEventSettings(RareEvent.AnyIncident, "wal_quorum_lost", 1, 2500, seed, Level: 0.99);
            var estimate = RareEventRunner.Run(scenario, settings, ShardSpec.Whole, 2, checkInvariants: true).Summarise();

            Assert.True(estimate.Probability.Interval.Contains(exact),
                $"seed {seed}: exact {exact:E4} outside the 99% interval [{estimate.Probability.Interval.Lower:E4}, {estimate.Probability.Interval.Upper:E4}] of {estimate.Probability.Value:E4}");
            Assert.Empty(estimate.Warnings);

            // Naive Monte Carlo with 2,500 replications would expect under one event; this is within 25%,
            // which naive Monte Carlo reaches only with 20 times the replications.
            Assert.True(estimate.RelativeError < 0.25, $"seed {seed}: relative error {estimate.RelativeError:P1}");
            Assert.True(estimate.NaiveReplications > 20 * settings.Replications, $"seed {seed}: naive equivalent {estimate.NaiveReplications:E2}");
        }
    }
}
