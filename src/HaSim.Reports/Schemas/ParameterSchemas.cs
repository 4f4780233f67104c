using System.Text.Json.Nodes;
using HaSim.Model.Capacity;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Scenarios.Grammar;
using HaSim.Scenarios.Units;

namespace HaSim.Reports.Schemas;

/// <summary>
/// Schemas of parameter overrides, from the parameter catalogs: one definition per preset, whose
/// keys are its architecture's parameters with their kinds, domains, the preset's value and its source.
/// </summary>
internal static class ParameterSchemas
{
    /// <summary>
    /// For a section with a preset and parameter overrides: one <c>if preset is P then parameters are P's</c> per preset.
    /// </summary>
    public static JsonArray ByPreset(SchemaBuilder b, string presetKey, string parametersKey)
    {
        var rules = new JsonArray();
        foreach (var preset in PresetCatalog.All)
        {
            var then = b.Ref("parameters." + preset.Name, () => Overrides(b, preset.Parameters, $"Overrides of the {preset.Name} preset's parameters ({preset.Title})."));
            rules.Add(new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["properties"] = new JsonObject { [presetKey] = new JsonObject { ["const"] = preset.Name } },
                    ["required"] = new JsonArray(presetKey),
                },
                ["then"] = new JsonObject { ["properties"] = new JsonObject { [parametersKey] = then } },
            });
        }

        return rules;
    }

    /// <summary>Overrides of the fleet's shared capacity.</summary>
    public static JsonObject Capacity(SchemaBuilder b) => Overrides(b, CapacityParameters.Defaults, "Overrides of the capacity the fleet's databases share.");

    private static JsonObject Overrides(SchemaBuilder b, ParameterSet parameters, string description)
    {
        var properties = new JsonObject();
        foreach (var parameter in parameters.Catalog.Definitions)
        {
            var schema = parameter.Kind == ParameterKind.Choice
                ? new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. parameter.Choices!.Select(c => (JsonNode)c)]) }
                : b.Value(ValueShape.Of(parameter));
            var value = parameters.Values.GetValueOrDefault(parameter.Key);
            string domain = parameter.Kind is ParameterKind.Flag or ParameterKind.Choice ? "" : "; " + SchemaBuilder.Domain(parameter);
            string preset = value is null ? "" : $" Preset value: {Written(value)} ({value.Source}).";
            schema["description"] = parameter.Description + domain + "." + preset;
            schema["markdownDescription"] = parameter.Description + domain + "."
                + (value is null ? "" : $"\n\nPreset value: `{Written(value)}`\n\nSource: {value.Source}");
            properties[parameter.Key] = schema;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = description,
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
    }

    /// <summary>A value as a scenario file writes it.</summary>
    private static string Written(ParameterValue value) => value.Kind switch
    {
        ParameterKind.Duration => DistributionParser.FormatDuration(value.Distribution!),
        ParameterKind.Flag => value.Flag ? "true" : "false",
        ParameterKind.Choice => value.Choice!,
        _ => ScenarioUnits.Formatter(value.Kind)(value.Number),
    };
}
