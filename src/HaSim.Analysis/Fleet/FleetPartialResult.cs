using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Presets;

namespace HaSim.Analysis.Fleet;

/// <summary>
/// The result of one shard of a fleet run (<c>fleet-partial.json</c>, format <c>hasim.fleet-partial/2</c>):
/// the fleet's identity, the run's settings, each group's per-database settings, the shard, the
/// shard's accumulator and a digest of all of it. Partials of all shards merge into exactly what a
/// single run collects; an edited or damaged one (digest or counts disagree) is refused.
/// </summary>
/// <param name="Scenario">The fleet's identity (with the hash of its text).</param>
/// <param name="Settings">The run's settings.</param>
/// <param name="Shard">Which shard.</param>
/// <param name="Accumulator">What the shard collected.</param>
public sealed record FleetPartialResult(FleetIdentity Scenario, FleetSettings Settings, ShardSpec Shard, FleetAccumulator Accumulator)
{
    /// <summary>The format id.</summary>
    public const string Format = "hasim.fleet-partial/2";

    /// <summary>The usual file name.</summary>
    public const string FileName = "fleet-partial.json";

    /// <summary>The JSON text: deterministic, indented, LF line endings.</summary>
    public string ToJsonText()
    {
        var json = new JsonObject
        {
            ["format"] = Format,
            ["scenario"] = new JsonObject
            {
                ["name"] = Scenario.Name,
                ["databases"] = Scenario.Databases,
                ["hash"] = Scenario.Hash,
                ["capacity"] = new JsonArray([.. Scenario.Capacity.Select(c => (JsonNode)new JsonObject { ["key"] = c.Key, ["value"] = c.Value, ["source"] = c.Source })]),
                ["groups"] = new JsonArray([.. Scenario.Groups.Zip(Accumulator.Groups).Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.First.Name,
                    ["preset"] = p.First.Preset,
                    ["model"] = p.First.Model,
                    ["count"] = p.First.Count,
                    ["sla_target"] = p.Second.PerDatabase.SlaTarget,
                    ["credit_tiers"] = new JsonArray([.. p.Second.PerDatabase.CreditTiers.Select(t => (JsonNode)new JsonObject { ["uptime_below"] = t.UptimeBelow, ["credit"] = t.CreditFraction })]),
                })]),
            },
            ["seed"] = Settings.Seed,
            ["years"] = Settings.Years is { } y ? y : null,
            ["horizon_seconds"] = Settings.HorizonSeconds,
            ["replications"] = Settings.Replications,
            ["confidence_level"] = Settings.Level,
            ["shard"] = new JsonObject { ["index"] = Shard.Index, ["count"] = Shard.Count },
            ["shard_replications"] = Accumulator.Replications,
            ["accumulator"] = Accumulator.ToJson(),
        };
        json["digest"] = PartialResult.Digest(json);
        return JsonText.Write(json);
    }

    /// <summary>True if <paramref name="path"/> (a file or a directory) holds a fleet partial result.</summary>
    public static bool IsAt(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Directory.Exists(path) ? File.Exists(Path.Combine(path, FileName)) : Path.GetFileName(path) == FileName;
    }

    /// <summary>Reads a fleet partial result from <paramref name="path"/>: a file or a directory holding one.</summary>
    /// <exception cref="PartialResultException">The file is missing or not a valid fleet partial result.</exception>
    public static FleetPartialResult Read(string path)
    {
        return PartialFile.Read(path, FileName, Format, Parse);
    }

    /// <summary>Parses the text written by <see cref="ToJsonText"/>.</summary>
    /// <exception cref="JsonException">The text is not a valid fleet partial result.</exception>
    public static FleetPartialResult Parse(string text)
    {
        var json = PartialFile.Open(text, Format, "hasim.fleet-partial/1");

        ulong seed = json["seed"] is JsonValue sv && sv.TryGetValue<ulong>(out var seedValue) ? seedValue : throw new JsonException("missing or invalid \"seed\".");
        double? years = json["years"] is null ? null : Json.Double(json, "years");
        var settings = new FleetSettings(years, Json.Long(json, "replications"), seed, Json.Double(json, "horizon_seconds"), Json.Double(json, "confidence_level"));
        settings.Validate();
        var s = Json.Object(json, "scenario");
        var groupIds = new List<FleetGroupIdentity>();
        var groupSettings = new List<FleetGroupSettings>();
        foreach (var node in Json.Array(s, "groups"))
        {
            var g = node as JsonObject ?? throw new JsonException("a group is not an object.");
            long count = Json.Long(g, "count");
            if (count < 1 || count > int.MaxValue)
            {
                throw new JsonException($"invalid group count {count}.");
            }

            var tiers = Json.Array(g, "credit_tiers").Select(t => t as JsonObject ?? throw new JsonException("a credit tier is not an object."))
                .Select(t => new CreditTier(Json.Double(t, "uptime_below"), Json.Double(t, "credit"))).ToList();
            var perDatabase = new MonteCarloSettings(settings.RunSeconds / Model.Parameters.Units.SecondsPerYear, checked(settings.Replications * count), seed, Json.Double(g, "sla_target"), tiers, settings.Level);
            perDatabase.Validate();
            groupIds.Add(new FleetGroupIdentity(Json.String(g, "name"), Json.String(g, "preset"), Json.String(g, "model"), (int)count));
            groupSettings.Add(new FleetGroupSettings(Json.String(g, "name"), (int)count, perDatabase));
        }

        var capacity = Json.Array(s, "capacity").Select(c => c as JsonObject ?? throw new JsonException("a capacity value is not an object."))
            .Select(c => new FleetCapacityValue(Json.String(c, "key"), Json.String(c, "value"), Json.String(c, "source"))).ToList();
        var identity = new FleetIdentity(Json.String(s, "name"), (int)Json.Long(s, "databases"), groupIds, Json.String(s, "hash"), capacity);
        var sh = Json.Object(json, "shard");
        long shardCount = Json.Long(sh, "count"), shardIndex = Json.Long(sh, "index");
        if (shardCount < 1 || shardCount > int.MaxValue || shardIndex < 0 || shardIndex >= shardCount)
        {
            throw new JsonException($"invalid shard {shardIndex}/{shardCount}.");
        }

        var accumulator = FleetAccumulator.FromJson(json["accumulator"], settings, groupSettings);
        if (Json.Long(json, "shard_replications") != accumulator.Replications)
        {
            throw new JsonException("\"shard_replications\" does not match the accumulator.");
        }

        return new FleetPartialResult(identity, settings, new ShardSpec((int)shardIndex, (int)shardCount), accumulator);
    }

    /// <summary>Merges the partials of every shard of one run (same fleet, settings and shard count; each shard once, complete).</summary>
    /// <exception cref="PartialResultException">The partials are incompatible or incomplete.</exception>
    public static (FleetIdentity Scenario, FleetAccumulator Accumulator) Merge(IReadOnlyList<(string Source, FleetPartialResult Partial)> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 0)
        {
            throw new PartialResultException("no partial results to merge.");
        }

        var (firstSource, first) = partials[0];
        foreach (var (source, p) in partials.Skip(1))
        {
            string? why = !p.Scenario.SameAs(first.Scenario) ? $"fleet '{p.Scenario.Name}' ({p.Scenario.Hash[..Math.Min(19, p.Scenario.Hash.Length)]}) vs '{first.Scenario.Name}' ({first.Scenario.Hash[..Math.Min(19, first.Scenario.Hash.Length)]})"
                : p.Settings != first.Settings ? "seed, years, horizon, replications or confidence level differ"
                : p.Shard.Count != first.Shard.Count ? $"shard count {p.Shard.Count} vs {first.Shard.Count}"
                : !p.Accumulator.SameRun(first.Accumulator) ? "the groups' SLA or credit tiers differ"
                : null;
            if (why is not null)
            {
                throw new PartialResultException($"{source} does not belong to the same run as {firstSource}: {why}.");
            }
        }

        int n = first.Shard.Count;
        var seen = new string?[n];
        foreach (var (source, p) in partials)
        {
            if (seen[p.Shard.Index] is { } other)
            {
                throw new PartialResultException($"shard {p.Shard} is given twice: {other} and {source}.");
            }

            seen[p.Shard.Index] = source;
            long expected = p.Shard.ReplicationsOf(p.Settings.Replications);
            if (p.Accumulator.Replications != expected)
            {
                throw new PartialResultException($"{source}: shard {p.Shard} holds {p.Accumulator.Replications} replications but should hold {expected}.");
            }
        }

        var missing = Enumerable.Range(0, n).Where(i => seen[i] is null).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i}/{n}")).ToList();
        if (missing.Count > 0)
        {
            throw new PartialResultException($"incomplete: shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Take(20))}{(missing.Count > 20 ? ", ..." : "")} of {n} missing ({partials.Count} of {n} given).");
        }

        var total = new FleetAccumulator(first.Settings, first.Accumulator.Groups);
        foreach (var (_, p) in partials)
        {
            total.Merge(p.Accumulator);
        }

        return (first.Scenario, total);
    }
}
