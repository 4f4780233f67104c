using HaSim.Kernel.Distributions;

namespace HaSim.Model.Parameters;

/// <summary>
/// A parameter an architecture reads, declared once with its key, kind, meaning and domain. The
/// model reads it through the typed <see cref="Parameter{T}"/> (a typo is a compile error); files
/// name it by <see cref="Key"/>.
/// </summary>
public abstract class Parameter
{
    private protected Parameter(string key, ParameterKind kind, string description, ParameterDomain domain, IReadOnlyList<string>? choices)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;
        Kind = kind;
        Description = description;
        Domain = domain;
        Choices = choices;
    }

    /// <summary>The dotted key used in presets and scenario overrides, e.g. <c>failover.promote</c>.</summary>
    public string Key { get; }

    /// <summary>What the value is.</summary>
    public ParameterKind Kind { get; }

    /// <summary>What it means in the model, with its unit.</summary>
    public string Description { get; }

    /// <summary>The values allowed (numbers and durations; for a duration distribution, its mean).</summary>
    public ParameterDomain Domain { get; }

    /// <summary>The allowed words, for <see cref="ParameterKind.Choice"/>.</summary>
    public IReadOnlyList<string>? Choices { get; }

    /// <summary>Why <paramref name="value"/> is not a valid value of this parameter, or null if it is.</summary>
    public string? Problem(ParameterValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Kind != Kind)
        {
            return $"'{Key}' is {Article(Kind)}, not {Article(value.Kind)}";
        }

        switch (Kind)
        {
            case ParameterKind.Duration:
                var d = value.Distribution!;
                if (!Domain.Contains(d.Mean) || !(d.Quantile(0) >= 0))
                {
                    return $"'{Key}' must have a mean {Domain.Describe(Units.FormatSeconds)} and no negative values";
                }

                return null;
            case ParameterKind.Choice:
                return Choices!.Contains(value.Choice, StringComparer.Ordinal) ? null : $"'{Key}' must be one of {string.Join(", ", Choices!)}";
            case ParameterKind.Flag:
                return null;
            default:
                return Domain.Contains(value.Number) ? null : $"'{Key}' must be {Domain.Describe(v => Format(Kind, v))}";
        }
    }

    /// <summary>A value of this parameter's kind for display, e.g. "40 MB/s".</summary>
    public static string Format(ParameterKind kind, double number) => kind switch
    {
        ParameterKind.Seconds => Units.FormatSeconds(number),
        ParameterKind.Bytes => Units.FormatBytes(number),
        ParameterKind.ByteRate => number < 10_000 ? number.ToString("G10", System.Globalization.CultureInfo.InvariantCulture) + " B/s" : Units.FormatByteRate(number),
        ParameterKind.Fraction => Units.FormatPercent(number),
        _ => number.ToString("G10", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Article(ParameterKind kind) => kind switch
    {
        ParameterKind.Duration => "a duration (a distribution of seconds)",
        ParameterKind.Seconds => "a single duration (a distribution is not allowed here)",
        ParameterKind.Bytes => "a size in bytes",
        ParameterKind.ByteRate => "a rate in bytes per second",
        ParameterKind.Count => "a whole number",
        ParameterKind.Number => "a plain number",
        ParameterKind.Fraction => "a fraction or percentage",
        ParameterKind.Flag => "true or false",
        _ => "a word from a fixed list",
    };

    /// <inheritdoc/>
    public override string ToString() => Key;
}

/// <summary>A declared parameter whose value the model reads as a <typeparamref name="T"/>.</summary>
/// <typeparam name="T">What the model reads: a distribution, a number, a count, a flag or a word.</typeparam>
public sealed class Parameter<T> : Parameter
{
    private readonly Func<ParameterValue, T> _read;

    internal Parameter(string key, ParameterKind kind, string description, ParameterDomain domain, Func<ParameterValue, T> read, IReadOnlyList<string>? choices = null)
        : base(key, kind, description, domain, choices) => _read = read;

    /// <summary>Reads <paramref name="value"/> as this parameter's type.</summary>
    public T Read(ParameterValue value) => _read(value);
}

/// <summary>Declarations of parameters, one factory per kind.</summary>
public static class Declare
{
    /// <summary>A distribution of durations, drawn at each use.</summary>
    public static Parameter<Distribution> Duration(string key, string description) =>
        new(key, ParameterKind.Duration, description, ParameterDomain.Durations, v => v.Distribution!);

    /// <summary>A single duration in seconds, read as a number.</summary>
    public static Parameter<double> Seconds(string key, string description, double min = 0, double max = ParameterDomain.MaxSeconds, bool minExclusive = false) =>
        new(key, ParameterKind.Seconds, description, new ParameterDomain(min, max, minExclusive), v => v.Number);

    /// <summary>A size in bytes.</summary>
    public static Parameter<double> Bytes(string key, string description, double min = 0, double max = 1e18) =>
        new(key, ParameterKind.Bytes, description, new ParameterDomain(min, max), v => v.Number);

    /// <summary>
    /// A rate in bytes per second; by default one the model divides by, so at least 1 B/s (a smaller
    /// positive rate would make a copy or replay outlast every clock).
    /// </summary>
    public static Parameter<double> ByteRate(string key, string description, double min = 1, double max = 1e13) =>
        new(key, ParameterKind.ByteRate, description, new ParameterDomain(min, max), v => v.Number);

    /// <summary>A whole number of things.</summary>
    public static Parameter<int> Count(string key, string description, int min, int max) =>
        new(key, ParameterKind.Count, description, new ParameterDomain(min, max), v => (int)v.Number);

    /// <summary>A plain number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Parameter<double> Number(string key, string description, double min, double max) =>
        new(key, ParameterKind.Number, description, new ParameterDomain(min, max), v => v.Number);

    /// <summary>A fraction in [<paramref name="min"/>, 1].</summary>
    public static Parameter<double> Fraction(string key, string description, double min = 0) =>
        new(key, ParameterKind.Fraction, description, new ParameterDomain(min, 1), v => v.Number);

    /// <summary>True or false.</summary>
    public static Parameter<bool> Flag(string key, string description) =>
        new(key, ParameterKind.Flag, description, default, v => v.Flag);

    /// <summary>One of <paramref name="choices"/>.</summary>
    public static Parameter<string> Choice(string key, string description, params string[] choices) =>
        new(key, ParameterKind.Choice, description, default, v => v.Choice!, choices);
}
