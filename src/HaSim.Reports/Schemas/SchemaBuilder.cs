using System.Text.Json.Nodes;
using HaSim.Model.Parameters;
using HaSim.Scenarios.Grammar;
using HaSim.Scenarios.Units;

namespace HaSim.Reports.Schemas;

/// <summary>
/// Writes JSON Schema (draft 2020-12) for the sections of a file grammar: one definition per section
/// and per value type in <see cref="Definitions"/>, referenced where they are used.
/// </summary>
internal sealed class SchemaBuilder(IReadOnlyList<string> targetExamples)
{
    /// <summary>The <c>$defs</c> of the schema, by name, in the order they were first used.</summary>
    public JsonObject Definitions { get; } = [];

    /// <summary>The schema of <paramref name="section"/>'s map (inline, for the root).</summary>
    public JsonObject Section(FileSection section)
    {
        var properties = new JsonObject();
        foreach (var key in section.Keys)
        {
            var value = Value(key.Value);
            value["description"] = Describe(key);
            properties[key.Name] = value;
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["description"] = section.Description,
            ["properties"] = properties,
        };
        var required = section.Keys.Where(k => k.Required).Select(k => (JsonNode?)k.Name).ToArray();
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray(required);
        }

        schema["additionalProperties"] = false;
        if (section.Keys.Any(k => k.Value.Kind == ValueKind.PresetParameters) && section.Keys.Any(k => k.Value.Kind == ValueKind.Preset))
        {
            schema["allOf"] = ParameterSchemas.ByPreset(this, section.Keys.First(k => k.Value.Kind == ValueKind.Preset).Name, section.Keys.First(k => k.Value.Kind == ValueKind.PresetParameters).Name);
        }

        return schema;
    }

    /// <summary>The schema of one value (a reference to a shared definition where there is one).</summary>
    public JsonObject Value(ValueShape shape) => shape.Kind switch
    {
        ValueKind.Text => new() { ["type"] = "string" },
        ValueKind.Seed => new() { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = ulong.MaxValue },
        ValueKind.Duration => Ref("duration", UnitSchemas.Duration),
        ValueKind.DurationDistribution => Ref("duration_distribution", () => UnitSchemas.DurationDistribution(this)),
        ValueKind.Size => Ref("size", UnitSchemas.Size),
        ValueKind.ByteRate => Ref("byte_rate", UnitSchemas.ByteRate),
        ValueKind.EventRate => Ref("event_rate", UnitSchemas.EventRate),
        ValueKind.Fraction => Ref("fraction", UnitSchemas.Fraction),
        ValueKind.Count => Ranged("integer", shape),
        ValueKind.Number => Ranged("number", shape),
        ValueKind.Flag => new() { ["type"] = "boolean" },
        ValueKind.Name => new() { ["type"] = "string", ["pattern"] = shape.Pattern },
        ValueKind.Preset => Ref("preset", NameSchemas.Preset),
        ValueKind.PresetParameters => new() { ["type"] = "object" },
        ValueKind.CapacityParameters => Ref("capacity_parameters", () => ParameterSchemas.Capacity(this)),
        ValueKind.FaultKind => Ref("fault_kind", NameSchemas.FaultKind),
        ValueKind.Target => Ref("target", () => NameSchemas.Target(targetExamples)),
        ValueKind.Metric => Ref("metric", NameSchemas.Metric),
        ValueKind.Subject => Ref("subject", NameSchemas.Subject),
        ValueKind.Zone => Ref("zone", NameSchemas.Zone),
        ValueKind.Goal => Ref("goal", NameSchemas.Goal),
        ValueKind.Tolerance => Ref("tolerance", UnitSchemas.Tolerance),
        ValueKind.ScenarioPath => new() { ["type"] = "string", ["minLength"] = 1, ["examples"] = new JsonArray("azure/zone-redundant-primary-failure.yaml") },
        ValueKind.Section => Ref(shape.Section!.Id, () => Section(shape.Section!)),
        ValueKind.List => List(shape),
        ValueKind.OneOf => new() { ["anyOf"] = new JsonArray([.. shape.Alternatives.Select(a => (JsonNode)Value(a))]) },
        _ => throw new InvalidOperationException($"No schema for {shape.Kind}."),
    };

    /// <summary>A reference to the definition <paramref name="name"/>, made by <paramref name="make"/> the first time.</summary>
    public JsonObject Ref(string name, Func<JsonObject> make)
    {
        if (!Definitions.ContainsKey(name))
        {
            Definitions[name] = null; // reserved first, so a definition may refer to itself
            Definitions[name] = make();
        }

        return new() { ["$ref"] = "#/$defs/" + name };
    }

    /// <summary>The description of a field: its meaning, and what a declared parameter allows, in the units files use.</summary>
    private static string Describe(FileKey key)
    {
        string text = key.Description;
        if (key.Value.Declared is { } declared && declared.Kind is not (ParameterKind.Flag or ParameterKind.Choice))
        {
            text += "; " + Domain(declared);
        }

        return text;
    }

    /// <summary>The range of <paramref name="parameter"/> as a scenario file writes it.</summary>
    public static string Domain(Parameter parameter) =>
        parameter.Kind == ParameterKind.Duration
            ? "a duration or a distribution whose mean is " + parameter.Domain.Describe(ScenarioUnits.Formatter(parameter.Kind))
            : parameter.Domain.Describe(ScenarioUnits.Formatter(parameter.Kind));

    private JsonObject List(ValueShape shape)
    {
        var schema = new JsonObject { ["type"] = "array", ["items"] = Value(shape.Item!) };
        if (shape.MinItems is { } min)
        {
            schema["minItems"] = min;
        }

        if (shape.MaxItems is { } max)
        {
            schema["maxItems"] = max;
        }

        return schema;
    }

    private static JsonObject Ranged(string type, ValueShape shape)
    {
        var schema = new JsonObject { ["type"] = type };
        if (shape.Min is { } min)
        {
            schema[shape.MinExclusive ? "exclusiveMinimum" : "minimum"] = Number(min);
        }

        if (shape.Max is { } max)
        {
            schema["maximum"] = Number(max);
        }

        return schema;
    }

    /// <summary>A whole number as an integer, anything else as a double (so bounds read as written).</summary>
    public static JsonNode Number(double value) =>
        Math.Abs(value) < 9e15 && Math.Floor(value) == value
            ? JsonValue.Create((long)value)
            : JsonValue.Create(value);
}
