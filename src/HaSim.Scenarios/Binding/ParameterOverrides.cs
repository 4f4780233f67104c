using HaSim.Model.Parameters;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Units;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Binding;

/// <summary>Reads the <c>parameters:</c> map of a scenario: overrides of single preset parameters, each checked against its declared kind and domain, then the catalog's rules on the result.</summary>
public static class ParameterOverrides
{
    /// <summary>Applies every override in <paramref name="map"/> to <paramref name="parameters"/>, collecting errors in <paramref name="bag"/>.</summary>
    public static ParameterSet Apply(ParameterSet parameters, MapNode map, DiagnosticBag bag, List<string> overridden)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(bag);
        ArgumentNullException.ThrowIfNull(overridden);
        var catalog = parameters.Catalog;
        var values = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
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
            if (bag.Capture(() => Read(def, node, source)) is { } value)
            {
                values[key] = value;
                overridden.Add(key);
            }
        }

        if (values.Count == 0 || bag.HasErrors)
        {
            return parameters;
        }

        try
        {
            return parameters.With(values);
        }
        catch (ParameterRuleException e)
        {
            // Report a broken rule at the first of its keys the scenario set (or at the map).
            var at = e.Rule.Keys.Select(map.Get).FirstOrDefault(n => n is not null) ?? map;
            bag.Add(at.Diagnostic(e.Message, "change one of " + string.Join(", ", e.Rule.Keys)));
            return parameters;
        }
    }

    private static ParameterValue Read(Parameter def, ScenarioNode node, ParameterSource source)
    {
        ParameterValue value;
        try
        {
            value = def.Kind switch
            {
                ParameterKind.Duration => ParameterValue.Of(node.AsDurationDistribution(), source),
                ParameterKind.Seconds => ParameterValue.Of(def.Kind, SingleDuration(def, node), source),
                ParameterKind.Bytes => ParameterValue.Of(def.Kind, node.AsScalar().AsBytes(), source),
                ParameterKind.ByteRate => ParameterValue.Of(def.Kind, node.AsScalar().AsBytesPerSecond(), source),
                ParameterKind.Count => ParameterValue.Of(def.Kind, node.AsScalar().AsCount(min: (int)Math.Max(int.MinValue, def.Domain.Min), max: (int)Math.Min(int.MaxValue, def.Domain.Max)), source),
                ParameterKind.Fraction => ParameterValue.Of(def.Kind, node.AsScalar().AsFraction(), source),
                ParameterKind.Number => ParameterValue.Of(def.Kind, node.AsScalar().AsNumber(), source),
                ParameterKind.Flag => ParameterValue.OfFlag(node.AsScalar().AsBool(), source),
                ParameterKind.Choice => ParameterValue.OfChoice(node.AsScalar().AsChoice([.. def.Choices!]), source),
                _ => throw new InvalidOperationException($"Unknown parameter kind {def.Kind}."),
            };
        }
        catch (ArgumentException e)
        {
            throw node.Error($"invalid value for {def.Key}: {e.Message}");
        }

        if (def.Problem(value) is not { } problem)
        {
            return value;
        }

        // Out of the declared range: say what the range is, in the units a scenario file writes.
        string range = def.Domain.Describe(ScenarioUnits.Formatter(def.Kind));
        throw def.Kind switch
        {
            ParameterKind.Duration => node.Error($"{DistributionParser.FormatDuration(value.Distribution!)} is out of range", $"its mean must be {range}, and it may have no negative values"),
            ParameterKind.Seconds or ParameterKind.Bytes or ParameterKind.ByteRate or ParameterKind.Count or ParameterKind.Number or ParameterKind.Fraction
                when value.Kind == def.Kind => node.Error($"'{(node as ScalarNode)?.Value}' is out of range", $"it must be {range}"),
            _ => node.Error(problem),
        };
    }

    private static double SingleDuration(Parameter def, ScenarioNode node) => node is ScalarNode scalar
        ? scalar.AsSeconds()
        : throw node.Error($"'{def.Key}' is read as a single duration, so a distribution would silently be replaced by its mean", "write one duration, e.g. '5 min'");
}
