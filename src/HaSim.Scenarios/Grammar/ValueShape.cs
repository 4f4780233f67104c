using HaSim.Model.Parameters;

namespace HaSim.Scenarios.Grammar;

/// <summary>The value of one field: its kind and what narrows it (a range, a pattern, a nested section, list items).</summary>
public sealed record ValueShape(ValueKind Kind)
{
    /// <summary>The smallest value (counts and numbers), or null.</summary>
    public double? Min { get; init; }

    /// <summary>The largest value (counts and numbers), or null.</summary>
    public double? Max { get; init; }

    /// <summary>True if <see cref="Min"/> itself is not allowed.</summary>
    public bool MinExclusive { get; init; }

    /// <summary>The regular expression a <see cref="ValueKind.Name"/> matches.</summary>
    public string? Pattern { get; init; }

    /// <summary>The fields of a <see cref="ValueKind.Section"/>.</summary>
    public FileSection? Section { get; init; }

    /// <summary>The items of a <see cref="ValueKind.List"/>.</summary>
    public ValueShape? Item { get; init; }

    /// <summary>The fewest items of a <see cref="ValueKind.List"/>.</summary>
    public int? MinItems { get; init; }

    /// <summary>The most items of a <see cref="ValueKind.List"/>.</summary>
    public int? MaxItems { get; init; }

    /// <summary>The shapes a <see cref="ValueKind.OneOf"/> may take.</summary>
    public IReadOnlyList<ValueShape> Alternatives { get; init; } = [];

    /// <summary>The declared parameter the value is checked against (its domain and description), or null.</summary>
    public Parameter? Declared { get; init; }

    /// <summary>A value of <paramref name="kind"/>.</summary>
    public static ValueShape Of(ValueKind kind) => new(kind);

    /// <summary>A value read and checked as <paramref name="parameter"/> (its kind and domain).</summary>
    public static ValueShape Of(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var kind = parameter.Kind switch
        {
            ParameterKind.Duration => ValueKind.DurationDistribution,
            ParameterKind.Seconds => ValueKind.Duration,
            ParameterKind.Bytes => ValueKind.Size,
            ParameterKind.ByteRate => ValueKind.ByteRate,
            ParameterKind.Count => ValueKind.Count,
            ParameterKind.Number => ValueKind.Number,
            ParameterKind.Fraction => ValueKind.Fraction,
            ParameterKind.Flag => ValueKind.Flag,
            _ => ValueKind.Text,
        };
        bool ranged = kind is ValueKind.Count or ValueKind.Number;
        return new(kind)
        {
            Declared = parameter,
            Min = ranged ? parameter.Domain.Min : null,
            Max = ranged ? parameter.Domain.Max : null,
            MinExclusive = ranged && parameter.Domain.MinExclusive,
        };
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static ValueShape Count(double min, double? max = null) => new(ValueKind.Count) { Min = min, Max = max };

    /// <summary>A plain number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static ValueShape Number(double min, double max, bool minExclusive = false) => new(ValueKind.Number) { Min = min, Max = max, MinExclusive = minExclusive };

    /// <summary>A name matching <paramref name="pattern"/>.</summary>
    public static ValueShape Name(string pattern) => new(ValueKind.Name) { Pattern = pattern };

    /// <summary>A map of <paramref name="section"/>'s fields.</summary>
    public static ValueShape Map(FileSection section) => new(ValueKind.Section) { Section = section };

    /// <summary>A list of <paramref name="item"/>.</summary>
    public static ValueShape List(ValueShape item, int? minItems = null, int? maxItems = null) => new(ValueKind.List) { Item = item, MinItems = minItems, MaxItems = maxItems };

    /// <summary>Any one of <paramref name="alternatives"/>.</summary>
    public static ValueShape OneOf(params ValueShape[] alternatives) => new(ValueKind.OneOf) { Alternatives = alternatives };
}
