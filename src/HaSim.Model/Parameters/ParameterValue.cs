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

    /// <summary>The number, for bytes, byte rates, event rates, counts and fractions.</summary>
    public double Number { get; private init; }

    /// <summary>The flag, for <see cref="ParameterKind.Flag"/>.</summary>
    public bool Flag { get; private init; }

    /// <summary>The word, for <see cref="ParameterKind.Choice"/>.</summary>
    public string? Choice { get; private init; }

    /// <summary>A duration distribution in seconds.</summary>
    public static ParameterValue Of(Distribution distribution, ParameterSource source) =>
        new(ParameterKind.Duration, source) { Distribution = distribution ?? throw new ArgumentNullException(nameof(distribution)) };

    /// <summary>A fixed duration in seconds.</summary>
    public static ParameterValue Seconds(double seconds, ParameterSource source) => Of(new Constant(seconds), source);

    /// <summary>A number of the given kind (bytes, rates, counts, fractions).</summary>
    public static ParameterValue Of(ParameterKind kind, double number, ParameterSource source)
    {
        if (kind is ParameterKind.Duration or ParameterKind.Flag or ParameterKind.Choice)
        {
            throw new ArgumentException($"{kind} is not a numeric kind.", nameof(kind));
        }

        if (!double.IsFinite(number) || number < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "Parameter numbers are finite and not negative.");
        }

        if (kind == ParameterKind.Count && number != Math.Floor(number))
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "A count is a whole number.");
        }

        if (kind == ParameterKind.Fraction && number > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "A fraction is at most 1.");
        }

        return new(kind, source) { Number = number };
    }

    /// <summary>A flag.</summary>
    public static ParameterValue OfFlag(bool flag, ParameterSource source) => new(ParameterKind.Flag, source) { Flag = flag };

    /// <summary>A word from a fixed set.</summary>
    public static ParameterValue OfChoice(string choice, ParameterSource source) => new(ParameterKind.Choice, source) { Choice = choice };

    /// <summary>The value for display, in the parameter's natural unit.</summary>
    public string Display() => Kind switch
    {
        ParameterKind.Duration => Distribution!.Describe() + " s",
        ParameterKind.Bytes => Units.FormatBytes(Number),
        ParameterKind.ByteRate => Units.FormatByteRate(Number),
        ParameterKind.EventRate => $"{Number * Units.SecondsPerYear:G4} per year",
        ParameterKind.Count => Number.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        ParameterKind.Fraction => $"{Number * 100:G6}%",
        ParameterKind.Flag => Flag ? "yes" : "no",
        ParameterKind.Choice => Choice!,
        _ => throw new InvalidOperationException(),
    };
}
