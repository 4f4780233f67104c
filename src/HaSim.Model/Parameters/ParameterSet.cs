using HaSim.Kernel.Distributions;

namespace HaSim.Model.Parameters;

/// <summary>
/// The values of every parameter an architecture reads, each with its source. Presets
/// provide a complete set; scenarios override single keys.
/// </summary>
public sealed class ParameterSet
{
    private readonly Dictionary<string, ParameterValue> _values;
    private readonly SortedDictionary<string, ParameterValue> _sorted;

    /// <summary>Creates a set from a catalog and values; every catalog key must have a value of the right kind.</summary>
    /// <exception cref="ArgumentException">A key is missing, unknown, or of the wrong kind.</exception>
    public ParameterSet(ParameterCatalog catalog, IReadOnlyDictionary<string, ParameterValue> values)
    {
        Catalog = catalog;
        _values = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            var def = catalog.Find(key) ?? throw new ArgumentException($"Unknown parameter '{key}' for {catalog.Name}.", nameof(values));
            CheckKind(def, value);
            _values[key] = value;
        }

        _sorted = new SortedDictionary<string, ParameterValue>(_values, StringComparer.Ordinal);
        var missing = catalog.Definitions.Where(d => !_values.ContainsKey(d.Key)).Select(d => d.Key).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Missing parameters for {catalog.Name}: {string.Join(", ", missing)}.", nameof(values));
        }
    }

    /// <summary>The catalog the keys come from.</summary>
    public ParameterCatalog Catalog { get; }

    /// <summary>All values, by key in ordinal order.</summary>
    public IReadOnlyDictionary<string, ParameterValue> Values => _sorted;

    /// <summary>The value of <paramref name="key"/>.</summary>
    public ParameterValue this[string key] =>
        _values.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"Parameter '{key}' is not defined for {Catalog.Name}.");

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The key is unknown or the value of the wrong kind.</exception>
    public ParameterSet With(string key, ParameterValue value)
    {
        var copy = new Dictionary<string, ParameterValue>(_values, StringComparer.Ordinal) { [key] = value };
        return new ParameterSet(Catalog, copy);
    }

    /// <summary>The duration distribution of <paramref name="key"/>, in seconds.</summary>
    public Distribution Duration(string key) => Get(key, ParameterKind.Duration).Distribution!;

    /// <summary>The number of bytes of <paramref name="key"/>.</summary>
    public double Bytes(string key) => Get(key, ParameterKind.Bytes).Number;

    /// <summary>The bytes per second of <paramref name="key"/>.</summary>
    public double ByteRate(string key) => Get(key, ParameterKind.ByteRate).Number;

    /// <summary>The events per second of <paramref name="key"/>.</summary>
    public double EventRate(string key) => Get(key, ParameterKind.EventRate).Number;

    /// <summary>The count of <paramref name="key"/>.</summary>
    public int Count(string key) => (int)Get(key, ParameterKind.Count).Number;

    /// <summary>The fraction of <paramref name="key"/>.</summary>
    public double Fraction(string key) => Get(key, ParameterKind.Fraction).Number;

    /// <summary>The flag of <paramref name="key"/>.</summary>
    public bool Flag(string key) => Get(key, ParameterKind.Flag).Flag;

    /// <summary>The word of <paramref name="key"/>.</summary>
    public string Choice(string key) => Get(key, ParameterKind.Choice).Choice!;

    private static void CheckKind(ParameterDefinition def, ParameterValue value)
    {
        if (def.Kind != value.Kind)
        {
            throw new ArgumentException($"Parameter '{def.Key}' is a {def.Kind}, not a {value.Kind}.");
        }

        if (def.Kind == ParameterKind.Choice && !def.Choices!.Contains(value.Choice, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Parameter '{def.Key}' must be one of {string.Join(", ", def.Choices!)}.");
        }
    }

    private ParameterValue Get(string key, ParameterKind kind)
    {
        var v = this[key];
        return v.Kind == kind ? v : throw new InvalidOperationException($"Parameter '{key}' is a {v.Kind}, read as {kind}.");
    }
}
