using System.Globalization;
using MathNet.Numerics.Distributions;

namespace HaSim.Kernel.Distributions;

/// <summary>
/// Lognormal: a right-skewed duration whose logarithm is normal. Build it from a median and
/// an upper percentile (the way recovery times are usually quoted), or from a mean and a
/// standard deviation; the factory name says which.
/// </summary>
public sealed record LogNormal : Distribution
{
    private LogNormal(double mu, double sigma)
    {
        Mu = mu;
        Sigma = Check(sigma, nameof(sigma), allowZero: true);
    }

    /// <summary>The mean of the logarithm.</summary>
    public double Mu { get; }

    /// <summary>The standard deviation of the logarithm.</summary>
    public double Sigma { get; }

    /// <summary>The median, e^mu.</summary>
    public double Median => Math.Exp(Mu);

    /// <inheritdoc/>
    public override double Mean => Math.Exp(Mu + (Sigma * Sigma / 2));

    /// <summary>Lognormal with the given median and 99th percentile.</summary>
    public static LogNormal FromMedianAndP99(double median, double p99) => FromMedianAndPercentile(median, 0.99, p99);

    /// <summary>Lognormal with the given median and 95th percentile.</summary>
    public static LogNormal FromMedianAndP95(double median, double p95) => FromMedianAndPercentile(median, 0.95, p95);

    /// <summary>Lognormal with the given median and the value at probability <paramref name="p"/> (above one half).</summary>
    public static LogNormal FromMedianAndPercentile(double median, double p, double value)
    {
        Check(median, nameof(median));
        Check(value, nameof(value));
        if (!(p > 0.5 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The percentile must be above the median (0.5 < p < 1).");
        }

        if (value < median)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The upper percentile must not be below the median.");
        }

        double z = Normal.InvCDF(0, 1, p);
        return new LogNormal(Math.Log(median), Math.Log(value / median) / z);
    }

    /// <summary>Lognormal with the given mean and standard deviation of the value itself (not of its logarithm).</summary>
    public static LogNormal FromMeanAndStdDev(double mean, double stdDev)
    {
        Check(mean, nameof(mean));
        Check(stdDev, nameof(stdDev), allowZero: true);
        double sigma2 = Math.Log(1 + (stdDev * stdDev / (mean * mean)));
        return new LogNormal(Math.Log(mean) - (sigma2 / 2), Math.Sqrt(sigma2));
    }

    /// <inheritdoc/>
    public override double Sample(System.Random random) =>
        Sigma == 0 ? Math.Exp(Mu) : Draw(random, Mu, Sigma);

    /// <inheritdoc/>
    /// <remarks>The length-biased lognormal(mu, sigma) is lognormal(mu + sigma², sigma).</remarks>
    public override double SampleForwardRecurrence(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double length = Sigma == 0 ? Math.Exp(Mu) : Draw(random, Mu + (Sigma * Sigma), Sigma);
        return random.NextDouble() * length;
    }

    /// <summary>e^(mu + sigma·z): MathNet's lognormal draw, taken from a <see cref="Random.RandomStream"/> directly when it is one.</summary>
    private static double Draw(System.Random random, double mu, double sigma) =>
        random is Random.RandomStream stream ? Math.Exp(mu + (sigma * stream.NextStandardNormal())) : MathNet.Numerics.Distributions.LogNormal.Sample(random, mu, sigma);

    /// <inheritdoc/>
    public override double Quantile(double p)
    {
        CheckProbability(p);
        return Sigma == 0 ? Math.Exp(Mu) : Math.Exp(Mu + (Sigma * Normal.InvCDF(0, 1, p)));
    }

    /// <inheritdoc/>
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"lognormal median {Median:G4}, p99 {Quantile(0.99):G4}");
}
