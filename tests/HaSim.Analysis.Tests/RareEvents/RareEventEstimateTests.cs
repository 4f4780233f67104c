using HaSim.Analysis.RareEvents;
using HaSim.Model.Architectures;
using HaSim.Scenarios.Running.Biasing;

namespace HaSim.Analysis.Tests.RareEvents;

/// <summary>The estimate from known weights, and the warnings of degenerate runs.</summary>
public sealed class RareEventEstimateTests
{
    private static readonly RareEventSettings Settings = new(RareEvent.DataLoss, null, 1, 1000, 1);

    private static BiasedOutcome Outcome(double logRatio) => new(logRatio, 0, 0, [0.0], 0);

    private static RareEventEstimate Estimate(RareEventAccumulator a) =>
        new RareEventRun(Settings, FailureBiasing.None(RedundancyKind.Data), null, a).Summarise();

    [Fact]
    public void No_event_reached_claims_no_bound()
    {
        var a = new RareEventAccumulator();
        for (int k = 0; k < 1000; k++)
        {
            a.Add(0, 0, Outcome(Math.Log(0.5)));
        }

        var e = Estimate(a);
        Assert.Equal(0, e.Probability.Value);
        Assert.True(double.IsPositiveInfinity(e.Probability.Interval.Upper));
        Assert.Contains(RareEventWarning.NoEventReached, e.Warnings);
        Assert.Contains(RareEventWarning.LikelihoodDrift, e.Warnings); // every ratio 0.5: the mean is not 1
        Assert.False(e.IsReliable);
    }

    [Fact]
    public void Weights_give_the_mean_its_error_and_the_effective_sample_size()
    {
        var a = new RareEventAccumulator();
        for (int k = 0; k < 1000; k++)
        {
            // 40 hits of weight 1e-4, the rest none; ratios 1 on average.
            a.Add(k < 40 ? 1 : 0, k < 40 ? 1e-4 : 0, Outcome(0));
        }

        var e = Estimate(a);
        Assert.Equal(4e-6, e.Probability.Value, 15);
        double sd = Math.Sqrt(((40 * 1e-8) - (1000 * 4e-6 * 4e-6)) / 999);
        Assert.Equal(sd / Math.Sqrt(1000) / 4e-6, e.RelativeError, 12);
        Assert.Equal(40, e.EffectiveSampleSize, 9);
        Assert.Empty(e.Warnings);
    }

    [Fact]
    public void One_heavy_weight_is_a_collapse()
    {
        var a = new RareEventAccumulator();
        for (int k = 0; k < 1000; k++)
        {
            a.Add(k < 30 ? 1 : 0, k == 0 ? 1 : k < 30 ? 1e-3 : 0, Outcome(0));
        }

        Assert.Contains(RareEventWarning.WeightsCollapsed, Estimate(a).Warnings);
        Assert.DoesNotContain(RareEventWarning.FewHits, Estimate(a).Warnings);
    }
}
