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
    public override double Quantile(double p)
    {
        CheckProbability(p);
        return Min + (p * (Max - Min));
    }

    /// <inheritdoc/>
    public override string Describe() => $"uniform {Min:G6}..{Max:G6}";
}
