using HaSim.Cli.Commands;

namespace HaSim.Cli.Tests;

/// <summary>The progress bar's estimate of the time left, fed a fake clock (no wall-clock time).</summary>
public class EtaEstimatorTests
{
    [Fact]
    public void There_is_no_estimate_in_the_first_two_seconds_or_before_two_percent_is_done()
    {
        var eta = new EtaEstimator(1000);
        eta.Observe(0, 0);
        eta.Observe(1.5, 5);
        Assert.Null(eta.RemainingSeconds());
        Assert.Equal("elapsed 0:02, left: estimating", eta.Describe());

        eta.Observe(5, 10); // 1% done after 5 s
        Assert.Null(eta.RemainingSeconds());
        eta.Observe(6, 20);
        Assert.NotNull(eta.RemainingSeconds());
    }

    [Fact]
    public void A_steady_rate_gives_the_exact_time_left()
    {
        var eta = new EtaEstimator(1000);
        for (int k = 0; k <= 50; k++)
        {
            eta.Observe(k * 0.2, k * 2); // 10 per second
        }

        Assert.Equal(90, eta.RemainingSeconds()!.Value, 1e-6);
        Assert.Equal("elapsed 0:10, left ~1:30", eta.Describe());
    }

    [Fact]
    public void A_slow_start_stops_counting_once_it_leaves_the_window()
    {
        // 2 s of start-up at 1 per second, then 20 per second: an average since the start would say
        // (1000 - 262) / (262 / 15) = 42.3 s; the windowed rate says (1000 - 262) / 20 = 36.9 s.
        var eta = new EtaEstimator(1000);
        var estimates = new List<double>();
        for (int tick = 0; tick <= 75; tick++)
        {
            double t = tick * 0.2;
            long done = t <= 2 ? (long)t : 2 + (long)Math.Round((t - 2) * 20);
            eta.Observe(t, done);
            if (eta.RemainingSeconds() is { } r && t >= 12)
            {
                estimates.Add(r + t);
            }
        }

        Assert.Equal((1000 - 262) / 20.0, eta.RemainingSeconds()!.Value, 1e-6);

        // Once the start-up has left the window, the predicted end time no longer moves.
        Assert.All(estimates, e => Assert.Equal(estimates[^1], e, 1e-9));
    }

    [Fact]
    public void A_finished_run_has_nothing_left()
    {
        var eta = new EtaEstimator(10);
        eta.Observe(0, 0);
        eta.Observe(3, 10);
        Assert.Equal(0, eta.RemainingSeconds());
    }

    [Theory]
    [InlineData(12, 40.4, "elapsed 0:12, left ~0:40")]
    [InlineData(3725, 59.6, "elapsed 1:02:05, left ~1:00")]
    [InlineData(0.4, null, "elapsed 0:00, left: estimating")]
    public void Times_are_labelled(double elapsed, double? left, string expected) =>
        Assert.Equal(expected, EtaEstimator.Describe(elapsed, left));
}
