using System.Text.Json.Nodes;
using HaSim.Scenarios.Units;

namespace HaSim.Reports.Schemas;

/// <summary>Schemas of values with units: the patterns come from the unit parsers' own tables (<see cref="UnitPatterns"/>).</summary>
internal static class UnitSchemas
{
    public static JsonObject Duration() => Text(UnitPatterns.Duration,
        "A duration: a number and a unit (ms, s, min, h, d, w, months, years; a lone 'm' only inside a compound such as '1h30m'). No bare numbers, no negative durations.",
        "90 s", "1.5 min", "1h30m", "4.3 months");

    public static JsonObject Size() => Text(UnitPatterns.Size,
        "A size: a number and a unit (B, kB, MB, GB, TB, KiB, MiB, GiB, TiB, bit, Mbit, Gbit, ...).",
        "16 MiB", "0 B", "100 GB");

    public static JsonObject ByteRate() => Text(UnitPatterns.ByteRate,
        "A data rate: a size per time unit or per a duration.",
        "40 MB/s", "5 MiB/s", "10 Gbit/s", "1 GB per hour");

    public static JsonObject EventRate() => Text(UnitPatterns.EventRate,
        "An event rate: a number per time unit or per a duration.",
        "500 /s", "2 per year", "1 per 90 days");

    public static JsonObject Fraction() => new()
    {
        ["description"] = "A fraction from 0 to 1, or a percentage.",
        ["anyOf"] = new JsonArray(
            new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
            new JsonObject { ["type"] = "string", ["pattern"] = UnitPatterns.Fraction }),
        ["examples"] = new JsonArray("95%", "99.99%", 0.25),
    };

    public static JsonObject Tolerance() => new()
    {
        ["description"] = "A share of the baseline ('10%'), an amount in the figure's unit ('5 s', '1 MiB', 2) or, for figures that are fractions, percentage points ('0.5 pp').",
        ["anyOf"] = new JsonArray(
            new JsonObject { ["type"] = "number", ["minimum"] = 0 },
            new JsonObject { ["type"] = "string", ["minLength"] = 1 }),
        ["examples"] = new JsonArray("10%", "5 s", "0.5 pp"),
    };

    /// <summary>A duration, or one map naming a distribution of durations (see <see cref="DistributionParser"/>).</summary>
    public static JsonObject DurationDistribution(SchemaBuilder b)
    {
        JsonObject D() => b.Value(Scenarios.Grammar.ValueShape.Of(Scenarios.Grammar.ValueKind.Duration));
        var distributions = new JsonObject
        {
            ["constant"] = D(),
            ["uniform"] = new JsonObject
            {
                ["description"] = "uniform between min and max: {min: 60 s, max: 120 s} or [60 s, 120 s]",
                ["anyOf"] = new JsonArray(
                    Params(("min", D()), ("max", D())).Required("min", "max"),
                    new JsonObject { ["type"] = "array", ["items"] = D(), ["minItems"] = 2, ["maxItems"] = 2 }),
            },
            ["lognormal"] = Params(("median", D()), ("p95", D()), ("p99", D()), ("mean", D()), ("sd", D()))
                .With("description", "lognormal: {median, p99}, {median, p95} or {mean, sd}")
                .With("oneOf", new JsonArray(Req("median", "p99"), Req("median", "p95"), Req("mean", "sd"))),
            ["exponential"] = Params(("mean", D()), ("rate", b.Value(Scenarios.Grammar.ValueShape.Of(Scenarios.Grammar.ValueKind.EventRate))))
                .With("description", "exponential: {mean: 4.3 months} or {rate: 2 per year}")
                .With("oneOf", new JsonArray(Req("mean"), Req("rate"))),
            ["weibull"] = Params(("shape", new JsonObject { ["type"] = "number", ["exclusiveMinimum"] = 0 }), ("scale", D()))
                .With("description", "Weibull: {shape: 1.2, scale: 30 d} (shape is a plain number)").Required("shape", "scale"),
            ["normal"] = Params(("mean", D()), ("sd", D()), ("min", D()), ("max", D()))
                .With("description", "normal truncated to [min, max] (min defaults to 0 s, max to none)").Required("mean", "sd"),
            ["empirical"] = new JsonObject
            {
                ["description"] = "the observed values, drawn with equal weight",
                ["type"] = "array",
                ["items"] = D(),
                ["minItems"] = 1,
            },
        };
        return new JsonObject
        {
            ["description"] = "A duration (a constant), or a map with one key naming a distribution: " + string.Join(", ", DistributionParser.Kinds) + ".",
            ["anyOf"] = new JsonArray(
                D(),
                new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = distributions,
                    ["additionalProperties"] = false,
                    ["minProperties"] = 1,
                    ["maxProperties"] = 1,
                }),
            ["examples"] = new JsonArray("30 s", JsonNode.Parse("""{"exponential": {"mean": "4 h"}}"""), JsonNode.Parse("""{"lognormal": {"median": "60 s", "p99": "3 min"}}""")),
        };
    }

    private static JsonObject Text(string pattern, string description, params string[] examples) => new()
    {
        ["type"] = "string",
        ["pattern"] = pattern,
        ["description"] = description,
        ["examples"] = new JsonArray([.. examples.Select(e => (JsonNode)e)]),
    };

    private static JsonObject Params(params (string Name, JsonObject Schema)[] parameters)
    {
        var properties = new JsonObject();
        foreach (var (name, schema) in parameters)
        {
            properties[name] = schema;
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
    }

    private static JsonObject Req(params string[] keys) => new() { ["required"] = new JsonArray([.. keys.Select(k => (JsonNode)k)]) };

    private static JsonObject Required(this JsonObject schema, params string[] keys) => schema.With("required", new JsonArray([.. keys.Select(k => (JsonNode)k)]));

    private static JsonObject With(this JsonObject schema, string name, JsonNode value)
    {
        schema[name] = value;
        return schema;
    }
}
