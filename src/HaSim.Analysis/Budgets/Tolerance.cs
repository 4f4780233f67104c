namespace HaSim.Analysis.Budgets;

/// <summary>How much worse than its baseline a figure may get before it counts as a regression: a share of the baseline's estimate, or an amount in the figure's unit.</summary>
/// <param name="Amount">The share (for a relative tolerance, 0.1 = 10%) or the amount.</param>
/// <param name="Relative">True for a share of the baseline estimate.</param>
public readonly record struct Tolerance(double Amount, bool Relative)
{
    /// <summary>The default: 10% of the baseline estimate.</summary>
    public static Tolerance Default { get; } = new(0.1, true);

    /// <summary>The tolerance in the figure's unit, for a baseline estimate of <paramref name="baseline"/>.</summary>
    public double For(double baseline) => Relative ? Amount * Math.Abs(baseline) : Amount;
}
