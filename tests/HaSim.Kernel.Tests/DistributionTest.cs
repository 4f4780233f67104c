using HaSim.Kernel.Distributions;
using HaSim.Kernel.Random;

namespace HaSim.Kernel.Tests;

/// <summary>
/// Distributions: each sample's mean and quantiles agree with <see cref="Distribution.Mean"/>
/// and <see cref="Distribution.Quantile(double)"/> within statistical tolerance (fixed seeds, so
/// the checks are deterministic), factories reproduce the parameters they are named after, and
/// nonsense parameters are refused.
/// </summary>
public class DistributionTest
{
    private const int Draws = 200_000;

    public static TheoryData<string, Distribution> Distributions => new()
    {
        { "constant", new Constant(3) },
        { "uniform", new Uniform(2, 10) },
        { "exponential", Exponential.FromMean(100) },
        { "exponential by rate", Exponential.FromRate(0.5) },
        { "lognormal median/p99", LogNormal.FromMedianAndP99(5, 60) },
        { "lognormal mean/sd", LogNormal.FromMeanAndStdDev(30, 45) },
        { "lognormal median/p95", LogNormal.FromMedianAndP95(2, 4) },
        { "weibull wear-out", new Weibull(2.5, 1000) },
        { "weibull infant mortality", new Weibull(0.7, 50) },
        { "truncated normal", new TruncatedNormal(10, 4) },
        { "truncated normal both sides", new TruncatedNormal(0, 1, -1, 2) },
        { "empirical", new Empirical([1, 2, 2, 3, 5, 8, 13, 21]) },
    };

    [Theory]
    [MemberData(nameof(Distributions))]
    public void The_sample_mean_agrees_with_the_mean(string name, Distribution distribution)
    {
        var sample = Sample(distribution, name);
        double mean = sample.Average();
        double sd = Math.Sqrt(sample.Sum(x => (x - mean) * (x - mean)) / (sample.Length - 1));

        // Five standard errors: a deterministic check with this seed, and far beyond chance.
        double tolerance = (5 * sd / Math.Sqrt(sample.Length)) + (1e-12 * Math.Abs(distribution.Mean));
        Assert.InRange(distribution.Mean, mean - tolerance, mean + tolerance);
    }

    [Theory]
    [MemberData(nameof(Distributions))]
    public void The_share_of_draws_below_each_quantile_is_its_probability(string name, Distribution distribution)
    {
        var sample = Sample(distribution, name);
        Array.Sort(sample);
        bool discrete = distribution is Constant or Empirical;
        foreach (double p in new[] { 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99 })
        {
            double q = distribution.Quantile(p);
            double below = (double)LowerBound(sample, q) / sample.Length;
            double atOrBelow = (double)UpperBound(sample, q) / sample.Length;

            // For a continuous law P(X < q) = p; for a discrete one p lies between P(X < q) and P(X <= q).
            double tolerance = 5 * Math.Sqrt(p * (1 - p) / sample.Length);
            Assert.True(
                below - tolerance <= p && p <= atOrBelow + tolerance && (discrete || atOrBelow - below < tolerance),
                $"{name}: quantile({p}) = {q}, share below {below}, at or below {atOrBelow}");
        }
    }

    [Theory]
    [InlineData(5.0, 60.0)]
    [InlineData(120.0, 900.0)]
    [InlineData(0.25, 0.25)]
    public void Lognormal_from_median_and_p99_reproduces_them(double median, double p99)
    {
        var d = LogNormal.FromMedianAndP99(median, p99);

        Assert.Equal(median, d.Median, median * 1e-12);
        Assert.Equal(median, d.Quantile(0.5), median * 1e-12);
        Assert.Equal(p99, d.Quantile(0.99), p99 * 1e-9);

        var sample = Sample(d, "median/p99");
        Array.Sort(sample);
        Assert.InRange(sample[sample.Length / 2], median * 0.98, median * 1.02);
        Assert.InRange(sample[(int)(sample.Length * 0.99)], p99 * 0.96, p99 * 1.04);
    }

    [Theory]
    [InlineData(30.0, 45.0)]
    [InlineData(1.0, 0.1)]
    [InlineData(600.0, 600.0)]
    public void Lognormal_from_mean_and_sd_reproduces_them(double mean, double sd)
    {
        var d = LogNormal.FromMeanAndStdDev(mean, sd);
        double exactSd = Math.Sqrt((Math.Exp(d.Sigma * d.Sigma) - 1) * Math.Exp((2 * d.Mu) + (d.Sigma * d.Sigma)));

        Assert.Equal(mean, d.Mean, mean * 1e-12);
        Assert.Equal(sd, exactSd, sd * 1e-9);

        // Heavy tails make the sample sd converge slowly, so use more draws and a loose tolerance.
        var sample = Sample(d, "mean/sd", 1_000_000);
        double m = sample.Average();
        double s = Math.Sqrt(sample.Sum(x => (x - m) * (x - m)) / (sample.Length - 1));
        Assert.InRange(m, mean * 0.99, mean * 1.01);
        Assert.InRange(s, sd * 0.93, sd * 1.07);
    }

    [Fact]
    public void Exponential_quantiles_follow_the_closed_form()
    {
        var d = Exponential.FromMean(100);

        Assert.Equal(100 * Math.Log(2), d.Quantile(0.5), 1e-9);
        Assert.Equal(-100 * Math.Log(0.01), d.Quantile(0.99), 1e-9);
        Assert.Equal(0.0, d.Quantile(0));
        Assert.Equal(4.0, Exponential.FromRate(0.25).Mean, 12);
    }

    [Fact]
    public void Weibull_with_shape_one_is_exponential()
    {
        var w = new Weibull(1, 100);

        Assert.Equal(100, w.Mean, 9);
        Assert.Equal(Exponential.FromMean(100).Quantile(0.9), w.Quantile(0.9), 9);
    }

    [Fact]
    public void Truncated_normal_draws_stay_within_bounds()
    {
        var d = new TruncatedNormal(1, 5, 0, 3);
        var sample = Sample(d, "bounds", 50_000);

        Assert.All(sample, x => Assert.InRange(x, 0.0, 3.0));
        Assert.Equal(0.0, d.Quantile(0), 9);
        Assert.Equal(3.0, d.Quantile(1), 9);
    }

    [Fact]
    public void Descriptions_name_the_parameters()
    {
        Assert.Equal("exponential mean 100", Exponential.FromMean(100).Describe());
        Assert.Equal("lognormal median 5, p99 60", LogNormal.FromMedianAndP99(5, 60).Describe());
        Assert.Equal("uniform 1..2", new Uniform(1, 2).Describe());
    }

    [Fact]
    public void Distributions_with_the_same_parameters_are_equal()
    {
        Assert.Equal(Exponential.FromMean(4), Exponential.FromRate(0.25));
        Assert.Equal(new Empirical([3, 1, 2]), new Empirical([1, 2, 3]));
        Assert.NotEqual(new Empirical([1, 2]), new Empirical([1, 3]));
    }

    public static TheoryData<string, Func<Distribution>> Invalid => new()
    {
        { "exponential mean 0", () => Exponential.FromMean(0) },
        { "exponential mean negative", () => Exponential.FromMean(-1) },
        { "exponential mean NaN", () => Exponential.FromMean(double.NaN) },
        { "exponential mean infinite", () => Exponential.FromMean(double.PositiveInfinity) },
        { "exponential rate 0", () => Exponential.FromRate(0) },
        { "lognormal p99 below median", () => LogNormal.FromMedianAndP99(10, 5) },
        { "lognormal median 0", () => LogNormal.FromMedianAndP99(0, 5) },
        { "lognormal percentile at the median", () => LogNormal.FromMedianAndPercentile(1, 0.5, 2) },
        { "lognormal percentile 1", () => LogNormal.FromMedianAndPercentile(1, 1, 2) },
        { "lognormal mean negative", () => LogNormal.FromMeanAndStdDev(-1, 1) },
        { "lognormal sd negative", () => LogNormal.FromMeanAndStdDev(1, -1) },
        { "uniform max below min", () => new Uniform(3, 2) },
        { "uniform negative", () => new Uniform(-1, 2) },
        { "weibull shape 0", () => new Weibull(0, 1) },
        { "weibull scale negative", () => new Weibull(1, -1) },
        { "truncated normal sd 0", () => new TruncatedNormal(1, 0) },
        { "truncated normal empty interval", () => new TruncatedNormal(1, 1, 2, 2) },
        { "truncated normal mean NaN", () => new TruncatedNormal(double.NaN, 1) },
        { "constant negative", () => new Constant(-1) },
        { "empirical negative observation", () => new Empirical([1, -2]) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_parameters_throw_argument_out_of_range(string name, Func<Distribution> make)
    {
        Assert.NotEmpty(name);
        Assert.Throws<ArgumentOutOfRangeException>(() => make());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Quantiles_of_impossible_probabilities_throw(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Exponential.FromMean(1).Quantile(p));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogNormal.FromMedianAndP99(1, 2).Quantile(p));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Empirical([1.0]).Quantile(p));
    }

    [Fact]
    public void An_empirical_distribution_needs_observations()
    {
        Assert.Throws<ArgumentException>(() => new Empirical([]));
    }

    private static double[] Sample(Distribution d, string name, int n = Draws)
    {
        var stream = new RandomStreams(2024).Get(name);
        var sample = new double[n];
        for (int i = 0; i < n; i++)
        {
            sample[i] = d.Sample(stream);
        }

        return sample;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
