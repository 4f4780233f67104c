using System.Globalization;

namespace HaSim.Model.Parameters;

/// <summary>
/// The values a numeric parameter may take: a closed range, optionally open at the bottom (rates
/// that are divided by). Durations are bounded so that every downstream type holds them.
/// </summary>
/// <param name="Min">The smallest value allowed.</param>
/// <param name="Max">The largest value allowed.</param>
/// <param name="MinExclusive">True if <paramref name="Min"/> itself is not allowed (the value must be larger).</param>
public readonly record struct ParameterDomain(double Min, double Max, bool MinExclusive = false)
{
    /// <summary>The longest duration any parameter may have: 1,000 years, far beyond any run.</summary>
    public const double MaxSeconds = 1000 * Units.SecondsPerYear;

    /// <summary>Durations: 0 s to 1,000 years.</summary>
    public static ParameterDomain Durations { get; } = new(0, MaxSeconds);

    /// <summary>True if <paramref name="value"/> lies in the domain.</summary>
    public bool Contains(double value) => double.IsFinite(value) && (MinExclusive ? value > Min : value >= Min) && value <= Max;

    /// <summary>The domain as text, in the parameter's unit, e.g. "more than 0 B/s and at most 1 TB/s".</summary>
    public string Describe(Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return (MinExclusive ? "more than " : "at least ") + format(Min) + " and at most " + format(Max);
    }

    /// <inheritdoc/>
    public override string ToString() => Describe(v => v.ToString("G6", CultureInfo.InvariantCulture));
}
