using HaSim.Kernel.Distributions;
using HaSim.Model.Parameters;

namespace HaSim.Model.Presets;

/// <summary>Collects a preset's parameter values by declaration; <see cref="Build"/> checks that every catalog parameter has one.</summary>
internal sealed class PresetBuilder
{
    private readonly ParameterCatalog _catalog;
    private readonly Dictionary<string, ParameterValue> _values = new(StringComparer.Ordinal);

    public PresetBuilder(ParameterCatalog catalog) => _catalog = catalog;

    public static ParameterSource Seed(string citation) => ParameterSource.Sourced(citation);

    public static ParameterSource Assume(string reasoning) => ParameterSource.Assumed(reasoning);

    public PresetBuilder Duration(Parameter<Distribution> parameter, Distribution value, ParameterSource source) => Set(parameter, ParameterValue.Of(value, source));

    public PresetBuilder Seconds(Parameter<double> parameter, double seconds, ParameterSource source) => Set(parameter, ParameterValue.Of(parameter.Kind, seconds, source));

    public PresetBuilder Number(Parameter<double> parameter, double value, ParameterSource source) => Set(parameter, ParameterValue.Of(parameter.Kind, value, source));

    public PresetBuilder Number(Parameter<int> parameter, int value, ParameterSource source) => Set(parameter, ParameterValue.Of(parameter.Kind, value, source));

    public PresetBuilder Flag(Parameter<bool> parameter, bool value, ParameterSource source) => Set(parameter, ParameterValue.OfFlag(value, source));

    public PresetBuilder Choice(Parameter<string> parameter, string value, ParameterSource source) => Set(parameter, ParameterValue.OfChoice(value, source));

    public ParameterSet Build() => new(_catalog, _values);

    private PresetBuilder Set(Parameter parameter, ParameterValue value)
    {
        if (!_catalog.Contains(parameter))
        {
            throw new ArgumentException($"'{parameter.Key}' is not a {_catalog.Name} parameter.", nameof(parameter));
        }

        _values[parameter.Key] = value;
        return this;
    }
}
