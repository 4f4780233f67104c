namespace HaSim.Model.Parameters;

/// <summary>
/// The values of every parameter an architecture reads, each with its source. Presets provide a
/// complete set; scenarios override single keys. The model reads values through typed
/// declarations (<see cref="Get{T}"/>), once per system.
/// </summary>
public sealed class ParameterSet
{
    private readonly Dictionary<string, ParameterValue> _values;
    private readonly SortedDictionary<string, ParameterValue> _sorted;

    /// <summary>Creates a set from a catalog and values; every catalog key must have a valid value, and every rule must hold.</summary>
    /// <exception cref="ArgumentException">A key is missing or unknown, a value is of the wrong kind or out of its domain, or a rule is broken.</exception>
    public ParameterSet(ParameterCatalog catalog, IReadOnlyDictionary<string, ParameterValue> values)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(values);
        Catalog = catalog;
        _values = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            var def = catalog.Find(key) ?? throw new ArgumentException($"Unknown parameter '{key}' for {catalog.Name}.", nameof(values));
            if (def.Problem(value) is { } problem)
            {
                throw new ArgumentException(problem, nameof(values));
            }

            _values[key] = value;
        }

        _sorted = new SortedDictionary<string, ParameterValue>(_values, StringComparer.Ordinal);
        var missing = catalog.Definitions.Where(d => !_values.ContainsKey(d.Key)).Select(d => d.Key).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Missing parameters for {catalog.Name}: {string.Join(", ", missing)}.", nameof(values));
        }

        foreach (var rule in catalog.Rules)
        {
            if (rule.Check(this) is { } broken)
            {
                throw new ParameterRuleException(rule, broken);
            }
        }
    }

    /// <summary>The catalog the keys come from.</summary>
    public ParameterCatalog Catalog { get; }

    /// <summary>All values, by key in ordinal order.</summary>
    public IReadOnlyDictionary<string, ParameterValue> Values => _sorted;

    /// <summary>The value of <paramref name="key"/>.</summary>
    public ParameterValue this[string key] =>
        _values.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"Parameter '{key}' is not defined for {Catalog.Name}.");

    /// <summary>The value of <paramref name="parameter"/>, as its declared type.</summary>
    /// <exception cref="KeyNotFoundException">The parameter is not in this set's catalog.</exception>
    public T Get<T>(Parameter<T> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Read(this[parameter.Key]);
    }

    /// <summary>True if this set's catalog declares <paramref name="parameter"/>.</summary>
    public bool Has(Parameter parameter) => Catalog.Contains(parameter);

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The key is unknown, the value invalid, or a rule is broken.</exception>
    public ParameterSet With(string key, ParameterValue value)
    {
        var copy = new Dictionary<string, ParameterValue>(_values, StringComparer.Ordinal) { [key] = value };
        return new ParameterSet(Catalog, copy);
    }

    /// <summary>A copy with every value of <paramref name="overrides"/> set (checked together, so rules see the final values).</summary>
    public ParameterSet With(IReadOnlyDictionary<string, ParameterValue> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var copy = new Dictionary<string, ParameterValue>(_values, StringComparer.Ordinal);
        foreach (var (k, v) in overrides)
        {
            copy[k] = v;
        }

        return new ParameterSet(Catalog, copy);
    }
}

/// <summary>A rule over several parameters does not hold.</summary>
public sealed class ParameterRuleException(ParameterRule rule, string message) : ArgumentException(message)
{
    /// <summary>The rule that was broken.</summary>
    public ParameterRule Rule { get; } = rule;
}
