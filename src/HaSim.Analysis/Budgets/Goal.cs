using HaSim.Analysis.Statistics;

namespace HaSim.Analysis.Budgets;

/// <summary>
/// A limit on a figure, such as <c>p99 rto &lt;= 120 s</c>, and the confidence its verdict must have.
/// The verdict rule (<see cref="Judge"/>) is the same wherever goals are used: budgets, and any
/// other command that states one.
/// </summary>
/// <param name="Figure">What is measured.</param>
/// <param name="Relation">How it must relate to the limit.</param>
/// <param name="Limit">The limit, in the figure's unit (<see cref="Figure.Unit"/>).</param>
/// <param name="Text">The goal as written.</param>
/// <param name="Confidence">The probability that a pass or fail verdict is right, e.g. 0.95.</param>
public sealed record Goal(Figure Figure, Relation Relation, double Limit, string Text, double Confidence = Goal.DefaultConfidence)
{
    /// <summary>The default confidence, 95%.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>
    /// Pass if the whole interval meets the limit, fail if the whole interval breaks it, else
    /// inconclusive (also when the interval is undefined: no data). For <see cref="Relation.Equal"/>
    /// only an interval that is the limit itself passes, and one that excludes it fails.
    /// </summary>
    public Verdict Judge(ConfidenceInterval interval)
    {
        double lower = interval.Lower, upper = interval.Upper;
        if (double.IsNaN(lower) || double.IsNaN(upper))
        {
            return Verdict.Inconclusive;
        }

        double slack = 1e-9 * Math.Max(1, Math.Abs(Limit));
        return Relation switch
        {
            Relation.AtMost => upper <= Limit + slack ? Verdict.Pass : lower > Limit + slack ? Verdict.Fail : Verdict.Inconclusive,
            Relation.AtLeast => lower >= Limit - slack ? Verdict.Pass : upper < Limit - slack ? Verdict.Fail : Verdict.Inconclusive,
            _ => lower >= Limit - slack && upper <= Limit + slack ? Verdict.Pass
                : lower > Limit + slack || upper < Limit - slack ? Verdict.Fail : Verdict.Inconclusive,
        };
    }

    /// <summary>
    /// +1 if a larger figure is worse for this goal, −1 if a smaller one is (for <see cref="Relation.Equal"/>,
    /// moving away from the limit as seen from <paramref name="reference"/> is worse).
    /// </summary>
    public int WorseDirection(double reference) => Relation switch
    {
        Relation.AtMost => 1,
        Relation.AtLeast => -1,
        _ => reference >= Limit ? 1 : -1,
    };
}
