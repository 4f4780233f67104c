using HaSim.Kernel.Distributions;

namespace HaSim.Model.Parameters;

/// <summary>A parameter's value with its source. Exactly one of the typed fields is meaningful, per <see cref="Kind"/>.</summary>
public sealed record ParameterValue
{
    private ParameterValue(ParameterKind kind, ParameterSource source)
    {
        Kind = kind;
        Source = source;
    }

    /// <summary>The kind of value.</summary>
    public ParameterKind Kind { get; }

    /// <summary>Where the value comes from.</summary>
    public ParameterSource Source { get; init; }

    /// <summary>The distribution, for <see cref="ParameterKind.Duration"/>.</summary>
    public Distribution? Distribution { get; private init; }

    /// <summary>The number, for single durations, bytes, byte rates, counts and fractions.</summary>
    public double Number { get; private init; }

    /// <summary>The flag, for <see cref="ParameterKind.Flag"/>.</summary>
    public bool Flag { get; private init; }

    /// <summary>The word, for <see cref="ParameterKind.Choice"/>.</summary>
    public string? Choice { get; private init; }

    /// <summary>A duration distribution in seconds.</summary>
    public static ParameterValue Of(Distribution distribution, ParameterSource source) =>
        new(ParameterKind.Duration, source) { Distribution = distribution ?? throw new ArgumentNullException(nameof(distribution)) };

    /// <summary>A number of the given kind (single durations, bytes, rates, counts, fractions); its domain is checked by the catalog.</summary>
    /// <exception cref="ArgumentException">The kind is not numeric, or the number is not finite, or a count is not whole.</exception>
    public static ParameterValue Of(ParameterKind kind, double number, ParameterSource source)
    {
        if (kind is ParameterKind.Duration or ParameterKind.Flag or ParameterKind.Choice)
        {
            throw new ArgumentException($"{kind} is not a numeric kind.", nameof(kind));
        }

        if (!double.IsFinite(number))
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "Parameter numbers are finite.");
        }

        if (kind == ParameterKind.Count && number != Math.Floor(number))
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "A count is a whole number.");
        }

        return new(kind, source) { Number = number };
    }

    /// <summary>A single duration in seconds.</summary>
    public static ParameterValue Seconds(double seconds, ParameterSource source) => Of(ParameterKind.Seconds, seconds, source);

    /// <summary>A flag.</summary>
    public static ParameterValue OfFlag(bool flag, ParameterSource source) => new(ParameterKind.Flag, source) { Flag = flag };

    /// <summary>A word from a fixed set.</summary>
    public static ParameterValue OfChoice(string choice, ParameterSource source) => new(ParameterKind.Choice, source) { Choice = choice };

    /// <summary>The value for display, in the parameter's natural unit.</summary>
    public string Display() => Kind switch
    {
        ParameterKind.Duration => Distribution!.Describe() + " s",
        ParameterKind.Flag => Flag ? "yes" : "no",
        ParameterKind.Choice => Choice!,
        ParameterKind.Count => Number.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        _ => Parameter.Format(Kind, Number),
    };
}
