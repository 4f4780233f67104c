using System.Globalization;

namespace HaSim.Kernel.Distributions;

/// <summary>Always the same value.</summary>
public sealed record Constant : Distribution
{
    /// <summary>A constant <paramref name="value"/> (zero or more).</summary>
    public Constant(double value) => Value = Check(value, nameof(value), allowZero: true);

    /// <summary>The value.</summary>
    public double Value { get; }

    /// <inheritdoc/>
    public override double Mean => Value;

    /// <inheritdoc/>
    public override double Sample(System.Random random) => Value;

    /// <inheritdoc/>
    public override double SampleForwardRecurrence(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextDouble() * Value;
    }

    /// <inheritdoc/>
    public override double Quantile(double p)
    {
        CheckProbability(p);
        return Value;
    }

    /// <inheritdoc/>
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"constant {Value:G6}");
}
