using System.Globalization;

namespace HaSim.Kernel.Distributions;

/// <summary>Uniform between a minimum and a maximum.</summary>
public sealed record Uniform : Distribution
{
    /// <summary>Uniform on [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public Uniform(double min, double max)
    {
        Min = Check(min, nameof(min), allowZero: true);
        Max = Check(max, nameof(max), allowZero: true);
        if (max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "max must not be less than min.");
        }
    }

    /// <summary>The smallest value.</summary>
    public double Min { get; }

    /// <summary>The largest value.</summary>
    public double Max { get; }

    /// <inheritdoc/>
    public override double Mean => (Min + Max) / 2;

    /// <inheritdoc/>
    public override double Sample(System.Random random) => Min + (random.NextDouble() * (Max - Min));

    /// <inheritdoc/>
    /// <remarks>The length-biased interval has density proportional to x on [min, max]: its inverse CDF is sqrt(min² + u(max² - min²)).</remarks>
    public override double SampleForwardRecurrence(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double length = Math.Sqrt((Min * Min) + (random.NextDouble() * ((Max * Max) - (Min * Min))));
        return random.NextDouble() * length;
    }

    /// <inheritdoc/>
    public override double Quantile(double p)
    {
        CheckProbability(p);
        return Min + (p * (Max - Min));
    }

    /// <inheritdoc/>
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"uniform {Min:G6}..{Max:G6}");
}
