using System.Globalization;
using MathNet.Numerics;

namespace HaSim.Kernel.Distributions;

/// <summary>Weibull by shape k and scale lambda: shape below 1 is infant mortality, above 1 wear-out.</summary>
public sealed record Weibull : Distribution
{
    /// <summary>Weibull with shape <paramref name="shape"/> and scale <paramref name="scale"/>.</summary>
    public Weibull(double shape, double scale)
    {
        Shape = Check(shape, nameof(shape));
        Scale = Check(scale, nameof(scale));
    }

    /// <summary>The shape k.</summary>
    public double Shape { get; }

    /// <summary>The scale lambda (the 63.2nd percentile).</summary>
    public double Scale { get; }

    /// <inheritdoc/>
    public override double Mean => Scale * SpecialFunctions.Gamma(1 + (1 / Shape));

    /// <inheritdoc/>
    public override double Sample(System.Random random) => MathNet.Numerics.Distributions.Weibull.Sample(random, Shape, Scale);

    /// <inheritdoc/>
    /// <remarks>For the length-biased Weibull(k, scale), (x/scale)^k is Gamma(1 + 1/k, 1) distributed.</remarks>
    public override double SampleForwardRecurrence(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double g = MathNet.Numerics.Distributions.Gamma.Sample(random, 1 + (1 / Shape), 1);
        return random.NextDouble() * Scale * Math.Pow(g, 1 / Shape);
    }

    /// <inheritdoc/>
    public override double Quantile(double p)
    {
        CheckProbability(p);
        return Scale * Math.Pow(-Math.Log(1 - p), 1 / Shape);
    }

    /// <inheritdoc/>
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"weibull shape {Shape:G4}, scale {Scale:G6}");
}
