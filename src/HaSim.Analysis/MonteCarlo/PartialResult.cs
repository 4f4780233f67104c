using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaSim.Model.Presets;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>A partial result that cannot be read or merged; the message says which file and why.</summary>
public sealed class PartialResultException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The result of one shard of a Monte Carlo run (<c>partial.json</c>): the scenario's identity, the
/// run's settings, which shard it is, and the shard's serialised accumulator. Partials of all shards
/// of a run merge into exactly the accumulator a single run would have, hence a byte-identical summary.
/// </summary>
/// <param name="Scenario">The scenario's identity (including the hash of its text).</param>
/// <param name="Settings">The run's settings (identical for every shard).</param>
/// <param name="Shard">Which shard this is.</param>
/// <param name="Accumulator">What the shard collected.</param>
public sealed record PartialResult(ScenarioIdentity Scenario, MonteCarloSettings Settings, ShardSpec Shard, MonteCarloAccumulator Accumulator)
{
    /// <summary>The format id written in every partial result (2: with a digest).</summary>
    public const string Format = "hasim.monte-carlo-partial/2";

    /// <summary>The largest partial result read (64 MiB; a partial of any run is a few MB at most).</summary>
    public const int MaxBytes = 64 << 20;

    /// <summary>The usual file name.</summary>
    public const string FileName = "partial.json";

    /// <summary>The JSON text: deterministic, indented, LF line endings.</summary>
    public string ToJsonText()
    {
        var json = new JsonObject
        {
            ["format"] = Format,
            ["scenario"] = new JsonObject
            {
                ["name"] = Scenario.Name,
                ["preset"] = Scenario.Preset,
                ["model"] = Scenario.Model,
                ["hash"] = Scenario.Hash,
            },
            ["seed"] = Settings.Seed,
            ["years"] = Settings.Years,
            ["replications"] = Settings.Replications,
            ["confidence_level"] = Settings.Level,
            ["sla_target"] = Settings.SlaTarget,
            ["credit_tiers"] = new JsonArray([.. Settings.CreditTiers.Select(t => (JsonNode)new JsonObject { ["uptime_below"] = t.UptimeBelow, ["credit"] = t.CreditFraction })]),
            ["shard"] = new JsonObject { ["index"] = Shard.Index, ["count"] = Shard.Count },
            ["shard_replications"] = Accumulator.Replications,
            ["accumulator"] = Accumulator.ToJson(),
        };
        json["digest"] = Digest(json);
        return JsonText.Write(json);
    }

    /// <summary>
    /// "sha256:" and the digest of the document's text without its "digest" field: any edit to the
    /// figures, settings or identity changes it, so a damaged or edited partial is refused on merge.
    /// </summary>
    internal static string Digest(JsonObject json)
    {
        var copy = (JsonObject)json.DeepClone();
        copy.Remove("digest");
        return "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(JsonText.Write(copy))));
    }

    /// <summary>Reads a partial result from <paramref name="path"/>: a <c>partial.json</c> file or a directory holding one.</summary>
    /// <exception cref="PartialResultException">The file is missing or not a valid partial result.</exception>
    public static PartialResult Read(string path)
    {
        return PartialFile.Read(path, FileName, Format, Parse);
    }

    /// <summary>Parses the text written by <see cref="ToJsonText"/>.</summary>
    /// <exception cref="JsonException">The text is not a valid partial result.</exception>
    public static PartialResult Parse(string text)
    {
        var json = PartialFile.Open(text, Format, "hasim.monte-carlo-partial/1");

        var s = Json.Object(json, "scenario");
        var scenario = new ScenarioIdentity(Json.String(s, "name"), Json.String(s, "preset"), Json.String(s, "model"), Json.String(s, "hash"));
        ulong seed = json["seed"] is JsonValue sv && sv.TryGetValue<ulong>(out var seedValue) ? seedValue : throw new JsonException("missing or invalid \"seed\".");
        var tiers = Json.Array(json, "credit_tiers")
            .Select(t => t as JsonObject ?? throw new JsonException("a credit tier is not an object."))
            .Select(t => new CreditTier(Json.Double(t, "uptime_below"), Json.Double(t, "credit")))
            .ToList();
        var settings = new MonteCarloSettings(Json.Double(json, "years"), Json.Long(json, "replications"), seed, Json.Double(json, "sla_target"), tiers, Json.Double(json, "confidence_level"));
        settings.Validate();
        var sh = Json.Object(json, "shard");
        var count = Json.Long(sh, "count");
        var index = Json.Long(sh, "index");
        if (count < 1 || count > int.MaxValue || index < 0 || index >= count)
        {
            throw new JsonException($"invalid shard {index}/{count}.");
        }

        var shard = new ShardSpec((int)index, (int)count);
        var accumulator = MonteCarloAccumulator.FromJson(json["accumulator"], settings);
        if (Json.Long(json, "shard_replications") != accumulator.Replications)
        {
            throw new JsonException("\"shard_replications\" does not match the accumulator.");
        }

        return new PartialResult(scenario, settings, shard, accumulator);
    }

    /// <summary>
    /// Merges the partial results of every shard of one run. Checks that they belong together (same
    /// scenario hash, seed, years, replications, SLA and shard count), that every shard is present
    /// exactly once, and that each shard ran all its replications.
    /// </summary>
    /// <param name="partials">Each partial with a name for messages (its file or directory).</param>
    /// <exception cref="PartialResultException">The partials are incompatible or incomplete.</exception>
    public static (ScenarioIdentity Scenario, MonteCarloAccumulator Accumulator) Merge(IReadOnlyList<(string Source, PartialResult Partial)> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 0)
        {
            throw new PartialResultException("no partial results to merge.");
        }

        var (firstSource, first) = partials[0];
        foreach (var (source, p) in partials.Skip(1))
        {
            string? why = p.Scenario.Hash != first.Scenario.Hash ? $"scenario {Describe(p.Scenario)} vs {Describe(first.Scenario)} (a different or edited scenario file)"
                : p.Scenario != first.Scenario ? $"scenario {Describe(p.Scenario)} vs {Describe(first.Scenario)} (the same text under another name: run every shard with the same file name, or set 'name:' in the file)"
                : p.Settings.Seed != first.Settings.Seed ? $"seed {p.Settings.Seed} vs {first.Settings.Seed}"
                : !p.Settings.Years.Equals(first.Settings.Years) ? $"years {Num(p.Settings.Years)} vs {Num(first.Settings.Years)}"
                : p.Settings.Replications != first.Settings.Replications ? $"replications {p.Settings.Replications} vs {first.Settings.Replications}"
                : p.Shard.Count != first.Shard.Count ? $"shard count {p.Shard.Count} vs {first.Shard.Count} ({p.Shard} vs {first.Shard})"
                : !MonteCarloAccumulator.SameSettings(p.Settings, first.Settings) ? "SLA target, credit tiers or confidence level differ"
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

        var missing = Enumerable.Range(0, n).Where(i => seen[i] is null).Select(i => $"{i}/{n}").ToList();
        if (missing.Count > 0)
        {
            throw new PartialResultException($"incomplete: shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Take(20))}{(missing.Count > 20 ? ", ..." : "")} of {n} missing ({partials.Count} of {n} given).");
        }

        var total = new MonteCarloAccumulator(first.Settings);
        foreach (var (_, p) in partials)
        {
            total.Merge(p.Accumulator);
        }

        return (first.Scenario, total);
    }

    private static string Describe(ScenarioIdentity s) => $"'{s.Name}' ({s.Preset}, {s.Hash[..Math.Min(s.Hash.Length, 19)]})";

    private static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
