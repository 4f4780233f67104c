using HaSim.Model.Parameters;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Units;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Binding;

/// <summary>Reads the <c>parameters:</c> map of a scenario: overrides of single preset parameters.</summary>
public static class ParameterOverrides
{
    /// <summary>Applies every override in <paramref name="map"/> to <paramref name="parameters"/>, collecting errors in <paramref name="bag"/>.</summary>
    public static ParameterSet Apply(ParameterSet parameters, MapNode map, DiagnosticBag bag, List<string> overridden)
    {
        var catalog = parameters.Catalog;
        foreach (var key in map.Keys)
        {
            var node = map.Get(key)!;
            var def = catalog.Find(key);
            if (def is null)
            {
                var keyNode = map.KeyNode(key)!;
                bag.Add(keyNode.Diagnostic(
                    $"'{key}' is not a parameter of the {catalog.Name} model",
                    DidYouMean.Phrase(key, catalog.Definitions.Select(d => d.Key)) ?? "'hasim presets --show <preset>' lists the parameters"));
                continue;
            }

            var source = ParameterSource.Sourced($"scenario override ({node.FilePath}:{node.Line})");
            var value = bag.Capture(() => Read(def, node, source));
            if (value is not null)
            {
                bag.Capture(() => parameters = parameters.With(key, value));
                overridden.Add(key);
            }
        }

        return parameters;
    }

    private static ParameterValue Read(ParameterDefinition def, ScenarioNode node, ParameterSource source)
    {
        try
        {
            return def.Kind switch
            {
                ParameterKind.Duration => ParameterValue.Of(node.AsDurationDistribution(), source),
                ParameterKind.Bytes => ParameterValue.Of(def.Kind, node.AsScalar().AsBytes(), source),
                ParameterKind.ByteRate => ParameterValue.Of(def.Kind, node.AsScalar().AsBytesPerSecond(), source),
                ParameterKind.EventRate => ParameterValue.Of(def.Kind, node.AsScalar().AsPerSecond(), source),
                ParameterKind.Count => ParameterValue.Of(def.Kind, node.AsScalar().AsCount(), source),
                ParameterKind.Fraction => ParameterValue.Of(def.Kind, node.AsScalar().AsFraction(), source),
                ParameterKind.Flag => ParameterValue.OfFlag(node.AsScalar().AsBool(), source),
                ParameterKind.Choice => ParameterValue.OfChoice(node.AsScalar().AsChoice([.. def.Choices!]), source),
                _ => throw new InvalidOperationException(),
            };
        }
        catch (ArgumentException e)
        {
            throw node.Error($"invalid value for {def.Key}: {e.Message}");
        }
    }
}
