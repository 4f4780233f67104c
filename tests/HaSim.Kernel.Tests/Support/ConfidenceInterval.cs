using MathNet.Numerics.Distributions;

namespace HaSim.Kernel.Tests.Support;

/// <summary>A Student-t confidence interval for a mean, from independent (or nearly independent) observations.</summary>
public sealed record ConfidenceInterval(double Mean, double HalfWidth, double Level, int Observations)
{
    public double Lower => Mean - HalfWidth;

    public double Upper => Mean + HalfWidth;

    /// <summary>An interval from the per-replication results of independent replications.</summary>
    public static ConfidenceInterval FromReplications(IReadOnlyList<double> values, double level = 0.999)
    {
        int n = values.Count;
        if (n < 2)
        {
            throw new ArgumentException("Need at least two replications.", nameof(values));
        }

        double mean = values.Average();
        double variance = values.Sum(x => (x - mean) * (x - mean)) / (n - 1);
        double t = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - level) / 2));
        return new ConfidenceInterval(mean, t * Math.Sqrt(variance / n), level, n);
    }

    /// <summary>
    /// An interval from one long run by the method of batch means: the observations (in
    /// simulated order, warm-up already removed) are cut into <paramref name="batches"/>
    /// consecutive batches whose means are treated as independent.
    /// </summary>
    public static ConfidenceInterval FromBatchMeans(IReadOnlyList<double> observations, int batches, double level = 0.999)
    {
        int size = observations.Count / batches;
        var means = new double[batches];
        for (int b = 0; b < batches; b++)
        {
            double sum = 0;
            for (int i = b * size; i < (b + 1) * size; i++)
            {
                sum += observations[i];
            }

            means[b] = sum / size;
        }

        return FromReplications(means, level);
    }

    public bool Contains(double value) => value >= Lower && value <= Upper;

    public override string ToString() => $"{Mean:G6} ± {HalfWidth:G3} ({Level:P1}, n={Observations})";
}
