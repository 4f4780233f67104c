using HaSim.Scenarios.Binding;

namespace HaSim.Analysis.Replays;

/// <summary>
/// How one scenario expectation fared over many replays: in how many it held, in how many there was
/// nothing to measure, and the lowest and highest value measured. Counts add and extremes are exact,
/// so merging is order-independent.
/// </summary>
internal sealed class ExpectationTally
{
    public long Replications;
    public long Held;
    public long Missing;
    public double Lowest = double.PositiveInfinity;
    public double Highest = double.NegativeInfinity;

    public void Add(double? value, bool held)
    {
        Replications++;
        if (held)
        {
            Held++;
        }

        if (value is not { } v)
        {
            Missing++;
            return;
        }

        Lowest = Math.Min(Lowest, v);
        Highest = Math.Max(Highest, v);
    }

    public void Merge(ExpectationTally o)
    {
        Replications += o.Replications;
        Held += o.Held;
        Missing += o.Missing;
        Lowest = Math.Min(Lowest, o.Lowest);
        Highest = Math.Max(Highest, o.Highest);
    }

    public ExpectationSummary Summarise(Expectation expectation) => new(expectation, Replications, Held, Missing, Lowest, Highest);
}

/// <summary>An expectation checked on every replay: it passes only if it held in all of them.</summary>
/// <param name="Expectation">The expectation.</param>
/// <param name="Replications">Replays it was checked on.</param>
/// <param name="Held">Replays in which it held.</param>
/// <param name="Missing">Replays with nothing to measure (no such incident, not recovered).</param>
/// <param name="Lowest">The lowest value measured (positive infinity if none).</param>
/// <param name="Highest">The highest value measured (negative infinity if none).</param>
public sealed record ExpectationSummary(Expectation Expectation, long Replications, long Held, long Missing, double Lowest, double Highest)
{
    /// <summary>Whether it held in every replay.</summary>
    public bool Passed => Held == Replications;
}
