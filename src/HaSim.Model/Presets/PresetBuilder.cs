using HaSim.Kernel.Distributions;
using HaSim.Model.Parameters;

namespace HaSim.Model.Presets;

/// <summary>Collects a preset's parameter values; <see cref="Build"/> checks that every catalog key has one.</summary>
internal sealed class PresetBuilder
{
    private readonly ParameterCatalog _catalog;
    private readonly Dictionary<string, ParameterValue> _values = new(StringComparer.Ordinal);

    public PresetBuilder(ParameterCatalog catalog) => _catalog = catalog;

    public static ParameterSource Seed(string citation) => ParameterSource.Sourced(citation);

    public static ParameterSource Assume(string reasoning) => ParameterSource.Assumed(reasoning);

    public PresetBuilder Duration(string key, Distribution value, ParameterSource source) => Set(key, ParameterValue.Of(value, source));

    public PresetBuilder Seconds(string key, double seconds, ParameterSource source) => Set(key, ParameterValue.Seconds(seconds, source));

    public PresetBuilder Number(string key, ParameterKind kind, double value, ParameterSource source) => Set(key, ParameterValue.Of(kind, value, source));

    public PresetBuilder Flag(string key, bool value, ParameterSource source) => Set(key, ParameterValue.OfFlag(value, source));

    public PresetBuilder Choice(string key, string value, ParameterSource source) => Set(key, ParameterValue.OfChoice(value, source));

    /// <summary>Copies every value of <paramref name="other"/> (for presets that differ from a sibling in a few keys).</summary>
    public PresetBuilder CopyFrom(ParameterSet other)
    {
        foreach (var (key, value) in other.Values)
        {
            if (_catalog.Find(key) is not null)
            {
                _values[key] = value;
            }
        }

        return this;
    }

    public ParameterSet Build() => new(_catalog, _values);

    private PresetBuilder Set(string key, ParameterValue value)
    {
        if (_catalog.Find(key) is null)
        {
            throw new ArgumentException($"'{key}' is not a {_catalog.Name} parameter.", nameof(key));
        }

        _values[key] = value;
        return this;
    }
}
