namespace HaSim.Analysis.Budgets;

/// <summary>The unit a figure (and so a goal's limit) is measured in; values are held in these base units.</summary>
public enum FigureUnit
{
    /// <summary>Seconds (limits written as durations: <c>120 s</c>, <c>5 min</c>).</summary>
    Seconds,

    /// <summary>Bytes (limits written as sizes: <c>0 B</c>, <c>16 MiB</c>).</summary>
    Bytes,

    /// <summary>A count (limits written as plain numbers).</summary>
    Count,

    /// <summary>A fraction in [0, 1]: probabilities, availability, credits (limits written as <c>1%</c> or <c>0.01</c>).</summary>
    Fraction,

    /// <summary>Seconds per simulated year (limits written as durations, optionally with <c>/yr</c>).</summary>
    SecondsPerYear,

    /// <summary>A count per simulated year (limits written as numbers, optionally with <c>/yr</c>).</summary>
    CountPerYear,
}
