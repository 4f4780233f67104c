using System.Globalization;

namespace HaSim.Kernel.Distributions;

/// <summary>Exponential (memoryless), parameterised by its mean.</summary>
public sealed record Exponential : Distribution
{
    private Exponential(double mean) => MeanValue = Check(mean, nameof(mean));

    /// <summary>The mean, for example a mean time to failure.</summary>
    public double MeanValue { get; }

    /// <inheritdoc/>
    public override double Mean => MeanValue;

    /// <summary>Exponential with the given mean (the inverse of the rate).</summary>
    public static Exponential FromMean(double mean) => new(mean);

    /// <summary>Exponential with the given rate (events per unit time).</summary>
    public static Exponential FromRate(double rate) => new(1.0 / Check(rate, nameof(rate)));

    /// <inheritdoc/>
    public override double Sample(System.Random random)
    {
        double u = random is Random.RandomStream s ? s.NextOpenDouble() : 1.0 - random.NextDouble();
        return -MeanValue * Math.Log(u);
    }

    /// <inheritdoc/>
    /// <remarks>Memoryless: the time to the next event from any instant is an ordinary draw.</remarks>
    public override double SampleForwardRecurrence(System.Random random) => Sample(random);

    /// <inheritdoc/>
    public override double Quantile(double p)
    {
        CheckProbability(p);
        return -MeanValue * Math.Log(1 - p);
    }

    /// <inheritdoc/>
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"exponential mean {MeanValue:G6}");
}
