namespace HaSim.Analysis.Budgets;

/// <summary>
/// How much worse than its baseline a figure may get before it counts as a regression: an amount in
/// the figure's unit, or a share of how far the baseline is from the ideal: of the baseline itself
/// for figures whose ideal is 0 (a recovery time, a probability of loss), and of 1 − baseline for
/// fractions a goal wants high (availability, P(RPO = 0)), so that "10%" of 99.99% availability means
/// 10% more unavailability, not ten percentage points.
/// </summary>
/// <param name="Amount">The share (for a relative tolerance, 0.1 = 10%) or the amount.</param>
/// <param name="Relative">True for a share of the baseline estimate.</param>
public readonly record struct Tolerance(double Amount, bool Relative)
{
    /// <summary>The default: 10% of the baseline estimate.</summary>
    public static Tolerance Default { get; } = new(0.1, true);

    /// <summary>The tolerance in the figure's unit, for a baseline estimate of <paramref name="baseline"/> of a goal's figure.</summary>
    public double For(double baseline, Goal goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        if (!Relative)
        {
            return Amount;
        }

        bool wantsHigh = goal.Figure.Unit == FigureUnit.Fraction && goal.Relation == Relation.AtLeast;
        return Amount * (wantsHigh ? Math.Abs(1 - baseline) : Math.Abs(baseline));
    }
}
