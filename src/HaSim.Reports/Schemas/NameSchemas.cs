using System.Text.Json.Nodes;
using HaSim.Model.Architectures;
using HaSim.Model.Faults;
using HaSim.Model.Metrics;
using HaSim.Model.Presets;
using HaSim.Scenarios.Fleet;

namespace HaSim.Reports.Schemas;

/// <summary>Schemas of the closed sets of names files use: presets, fault kinds, metrics, stages, zones.</summary>
internal static class NameSchemas
{
    public static JsonObject Preset() => Enum(
        "A preset (one per seed system): " + string.Join("; ", PresetCatalog.All.Select(p => $"{p.Name}: {p.Title}")) + ".",
        PresetCatalog.All.Select(p => p.Name));

    public static JsonObject FaultKind() => Enum(
        "A fault kind: " + string.Join("; ", Model.Faults.FaultKind.All.All.Select(k => $"{k.FileName}: {k.Description}" + (k.TakesDuration ? " (takes a duration)" : ""))) + ".",
        Model.Faults.FaultKind.All.All.SelectMany(k => new[] { k.FileName, k.Key, k.Label }));

    public static JsonObject Metric() => Enum(
        "A metric of the metric table: " + string.Join("; ", MetricTable.All.All.Select(m => $"{m.Key}: {m.Description}")) + ".",
        MetricTable.All.All.Select(m => m.Key));

    /// <summary>Every architecture's recovery stages and degraded kinds; the loader checks the preset's own.</summary>
    public static JsonObject Subject() => Enum(
        "A recovery stage (metric 'stage') or degraded kind (metric 'degraded') of the preset's architecture, by key or label ('hasim presets --show PRESET' lists them).",
        ArchitectureRegistry.All.SelectMany(a => a.Stages.Spellings().Concat(a.DegradedKinds.Spellings())));

    public static JsonObject Zone() => Enum("A zone of the region.", FleetTargets.Zones.SelectMany(z => new[] { z.Label, z.Key }));

    public static JsonObject Target(IReadOnlyList<string> examples) => new()
    {
        ["type"] = "string",
        ["minLength"] = 1,
        ["description"] = "A component, by label or key; the loader checks it against the preset's components (which depend on its parameters).",
        ["examples"] = new JsonArray([.. examples.Select(e => (JsonNode)e)]),
    };

    public static JsonObject Goal() => new()
    {
        ["type"] = "string",
        ["minLength"] = 1,
        ["description"] = "A goal: a figure, a relation and a limit in the figure's unit, e.g. 'p99 rto <= 120 s', 'max rpo_bytes == 0 B', 'P(month misses SLA) <= 1%', 'availability >= 99.95%'.",
        ["examples"] = new JsonArray("p99 rto <= 120 s", "max rpo_bytes == 0 B", "P(month misses SLA) <= 1%"),
    };

    private static JsonObject Enum(string description, IEnumerable<string> names) => new()
    {
        ["type"] = "string",
        ["description"] = description,
        ["enum"] = new JsonArray([.. names.Distinct(StringComparer.Ordinal).Select(n => (JsonNode)n)]),
    };
}
