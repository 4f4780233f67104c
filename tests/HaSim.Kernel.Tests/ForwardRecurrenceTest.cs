using HaSim.Kernel.Distributions;
using HaSim.Kernel.Random;
using MathNet.Numerics;

namespace HaSim.Kernel.Tests;

/// <summary>
/// The forward recurrence time (the wait from an arbitrary instant to the next event of a
/// stationary renewal process) has mean E[X²]/2E[X]; each distribution's sampler is checked
/// against that closed form, and a renewal process started with it is stationary: the events
/// in a window right after time zero are as many as the window's length over the mean interval.
/// </summary>
public class ForwardRecurrenceTest
{
    private const int Draws = 200_000;

    public static TheoryData<string, Distribution, double> WithSecondMoments => new()
    {
        { "constant", new Constant(3), 9 },
        { "uniform", new Uniform(2, 10), ((2 * 2) + (2 * 10) + (10 * 10)) / 3.0 },
        { "exponential", Exponential.FromMean(100), 2 * 100 * 100 },
        { "lognormal median/p99", LogNormal.FromMedianAndP99(5, 60), LogNormalSecondMoment(LogNormal.FromMedianAndP99(5, 60)) },
        { "lognormal median/p95", LogNormal.FromMedianAndP95(2, 4), LogNormalSecondMoment(LogNormal.FromMedianAndP95(2, 4)) },
        { "weibull wear-out", new Weibull(2.5, 1000), 1000 * 1000 * SpecialFunctions.Gamma(1 + (2 / 2.5)) },
        { "weibull infant mortality", new Weibull(0.7, 50), 50 * 50 * SpecialFunctions.Gamma(1 + (2 / 0.7)) },
        { "truncated normal", new TruncatedNormal(10, 4), QuadratureSecondMoment(new TruncatedNormal(10, 4)) },
        { "empirical", new Empirical([1, 2, 2, 3, 5, 8, 13, 21]), new double[] { 1, 2, 2, 3, 5, 8, 13, 21 }.Average(x => x * x) },
    };

    [Theory]
    [MemberData(nameof(WithSecondMoments))]
    public void The_mean_wait_is_the_second_moment_over_twice_the_mean(string name, Distribution distribution, double secondMoment)
    {
        var stream = new RandomStreams(7).Get(name);
        var sample = new double[Draws];
        for (int i = 0; i < Draws; i++)
        {
            sample[i] = distribution.SampleForwardRecurrence(stream);
            Assert.True(sample[i] >= 0, $"negative wait {sample[i]}");
        }

        double mean = sample.Average();
        double sd = Math.Sqrt(sample.Sum(x => (x - mean) * (x - mean)) / (Draws - 1));
        double expected = secondMoment / (2 * distribution.Mean);
        Assert.InRange(expected, mean - (5 * sd / Math.Sqrt(Draws)), mean + (5 * sd / Math.Sqrt(Draws)));
    }

    [Fact]
    public void The_wait_differs_from_an_ordinary_interval_where_it_should()
    {
        // Periodic (constant) intervals: the wait is uniform over one period, half its mean.
        var stream = new RandomStreams(7).Get("constant");
        double mean = Enumerable.Range(0, Draws).Average(_ => new Constant(30).SampleForwardRecurrence(stream));
        Assert.InRange(mean, 14.9, 15.1);
    }

    [Theory]
    [InlineData(30.0, 15.0, 45.0)]
    [InlineData(30.0, 29.0, 31.0)]
    public void A_renewal_process_started_with_the_wait_has_the_long_run_rate_in_its_first_window(double meanInterval, double min, double max)
    {
        // Count events in [0, 100) over many runs: stationary means exactly 100 / mean on average;
        // starting with a whole interval instead would come about half an event short.
        var interval = new Uniform(min, max);
        var stream = new RandomStreams(11).Get("renewal");
        const int Runs = 100_000;
        const double Window = 100;
        long events = 0;
        for (int r = 0; r < Runs; r++)
        {
            for (double t = interval.SampleForwardRecurrence(stream); t < Window; t += interval.Sample(stream))
            {
                events++;
            }
        }

        double perRun = (double)events / Runs;
        Assert.InRange(perRun, (Window / meanInterval) - 0.02, (Window / meanInterval) + 0.02);
    }

    private static double LogNormalSecondMoment(LogNormal d) => Math.Exp((2 * d.Mu) + (2 * d.Sigma * d.Sigma));

    private static double QuadratureSecondMoment(Distribution d)
    {
        const int N = 200_000;
        double sum = 0;
        for (int i = 0; i < N; i++)
        {
            double q = d.Quantile((i + 0.5) / N);
            sum += q * q;
        }

        return sum / N;
    }
}
