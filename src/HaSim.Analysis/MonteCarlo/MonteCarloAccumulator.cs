using System.Text.Json;
using System.Text.Json.Nodes;
using HaSim.Analysis.RareEvents;
using HaSim.Analysis.Statistics;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>
/// Everything a Monte Carlo run collects, in memory that does not grow with the number of
/// replications: exact integer sums and quantile-sketch bucket counts, per failure mode, recovery
/// stage and degraded kind, plus the monthly SLA figures. Feed it through a <see cref="ReplicationTally"/>.
/// </summary>
/// <remarks>
/// <para><b>Merging is exact.</b> Every field is an integer count, an exact sum (<see cref="ExactSum"/>),
/// a sketch whose merge adds bucket counts, or a minimum/maximum, so accumulators of any split of the
/// replications (threads, shards), merged in any order, hold exactly the same state, serialise to the
/// same JSON and give a byte-identical summary.</para>
/// <para>Instances are not thread-safe: keep one per worker and <see cref="Merge"/> them afterwards.</para>
/// </remarks>
public sealed class MonteCarloAccumulator
{
    /// <summary>The monthly uptime thresholds whose probabilities are reported ("a month has at least this uptime"), in decreasing order (the tally counts a month once, at the first it meets).</summary>
    public static IReadOnlyList<double> UptimeBands { get; } = [1.0, 0.99999, 0.9999, 0.9995, 0.999, 0.995, 0.99, 0.95, 0.9];

    private const string FormatName = "hasim.monte-carlo-accumulator";
    private const int FormatVersion = 3;

    /// <summary>Creates an empty accumulator for runs with <paramref name="settings"/>.</summary>
    public MonteCarloAccumulator(MonteCarloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        Bands = [.. UptimeBands.Select(_ => new ProportionEstimate())];
        Tiers = [.. settings.CreditTiers.Select(_ => new ProportionEstimate())];
        YearEvents = [.. RareEvent.YearEvents.Select(_ => new ProportionEstimate())];
    }

    /// <summary>The settings the replications ran with.</summary>
    public MonteCarloSettings Settings { get; }

    /// <summary>How many replications have been added.</summary>
    public long Replications { get; internal set; }

    /// <summary>How many incidents have been added.</summary>
    public long Incidents { get; internal set; }

    /// <summary>Incidents whose clients were not back before the end of their replication.</summary>
    public long Unrecovered { get; internal set; }

    internal ExactSum DowntimePerReplication { get; private set; } = new(Quanta.Totals);

    internal ExactSum IncidentsPerReplication { get; private set; } = new(Quanta.Counts);

    internal Dictionary<string, FailureModeAccumulator> Modes { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, StageAccumulator> Stages { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, DegradedAccumulator> Degraded { get; } = new(StringComparer.Ordinal);

    internal StatisticAccumulator MonthDowntime { get; private set; } = new(Quanta.Durations);

    internal ProportionEstimate MonthsMissed { get; private set; } = new();

    internal ProportionEstimate[] Bands { get; private set; }

    internal ProportionEstimate[] Tiers { get; private set; }

    internal ExactSum MonthCredit { get; private set; } = new(Quanta.Fractions);

    /// <summary>Per <see cref="RareEvent.YearEvents"/> entry: whole years with the event, of whole years simulated.</summary>
    internal ProportionEstimate[] YearEvents { get; private set; }

    /// <summary>The entries of <paramref name="map"/> by key (ordinal), the order every output uses.</summary>
    internal static IEnumerable<KeyValuePair<string, T>> Sorted<T>(Dictionary<string, T> map) => map.OrderBy(kv => kv.Key, StringComparer.Ordinal);

    internal FailureModeAccumulator Mode(string name)
    {
        if (!Modes.TryGetValue(name, out var mode))
        {
            mode = new FailureModeAccumulator();
            Modes.Add(name, mode);
        }

        return mode;
    }

    internal StageAccumulator Stage(string name)
    {
        if (!Stages.TryGetValue(name, out var stage))
        {
            stage = new StageAccumulator();
            Stages.Add(name, stage);
        }

        return stage;
    }

    internal DegradedAccumulator DegradedKind(string kind)
    {
        if (!Degraded.TryGetValue(kind, out var d))
        {
            d = new DegradedAccumulator();
            Degraded.Add(kind, d);
        }

        return d;
    }

    /// <summary>Adds everything in <paramref name="other"/> (exact and order-independent).</summary>
    /// <exception cref="ArgumentException">The settings differ.</exception>
    public void Merge(MonteCarloAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!SameSettings(Settings, other.Settings))
        {
            throw new ArgumentException("Cannot merge Monte Carlo accumulators with different settings.", nameof(other));
        }

        checked
        {
            Replications += other.Replications;
            Incidents += other.Incidents;
            Unrecovered += other.Unrecovered;
        }

        DowntimePerReplication.Merge(other.DowntimePerReplication);
        IncidentsPerReplication.Merge(other.IncidentsPerReplication);
        foreach (var (name, mode) in other.Modes)
        {
            Mode(name).Merge(mode);
        }

        foreach (var (name, stage) in other.Stages)
        {
            Stage(name).Merge(stage);
        }

        foreach (var (kind, d) in other.Degraded)
        {
            DegradedKind(kind).Merge(d);
        }

        MonthDowntime.Merge(other.MonthDowntime);
        MonthsMissed.Merge(other.MonthsMissed);
        for (int k = 0; k < Bands.Length; k++)
        {
            Bands[k].Merge(other.Bands[k]);
        }

        for (int k = 0; k < Tiers.Length; k++)
        {
            Tiers[k].Merge(other.Tiers[k]);
        }

        MonthCredit.Merge(other.MonthCredit);
        for (int k = 0; k < YearEvents.Length; k++)
        {
            YearEvents[k].Merge(other.YearEvents[k]);
        }
    }

    /// <summary>Whether two settings describe the same run (years, replications, seed, SLA, tiers, level).</summary>
    public static bool SameSettings(MonteCarloSettings a, MonteCarloSettings b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Years.Equals(b.Years) && a.Replications == b.Replications && a.Seed == b.Seed
            && a.SlaTarget.Equals(b.SlaTarget) && a.Level.Equals(b.Level)
            && a.CreditTiers.SequenceEqual(b.CreditTiers);
    }

    /// <summary>
    /// The accumulated state as JSON (settings not included: <see cref="PartialResult"/> stores them beside it).
    /// The output depends only on the state, so equal states give identical text.
    /// </summary>
    public JsonObject ToJson()
    {
        var modes = new JsonObject();
        foreach (var (name, mode) in Sorted(Modes))
        {
            modes[name] = mode.ToJson();
        }

        var stages = new JsonObject();
        foreach (var (name, stage) in Sorted(Stages))
        {
            stages[name] = stage.ToJson();
        }

        var degraded = new JsonObject();
        foreach (var (kind, d) in Sorted(Degraded))
        {
            degraded[kind] = d.ToJson();
        }

        var years = new JsonObject();
        for (int k = 0; k < YearEvents.Length; k++)
        {
            years[RareEvent.YearEvents[k].Key] = YearEvents[k].ToJson();
        }

        return new JsonObject
        {
            ["type"] = FormatName,
            ["version"] = FormatVersion,
            ["replications"] = Replications,
            ["incidents"] = Incidents,
            ["unrecovered"] = Unrecovered,
            ["downtime_seconds_per_replication"] = DowntimePerReplication.ToJson(),
            ["incidents_per_replication"] = IncidentsPerReplication.ToJson(),
            ["failure_modes"] = modes,
            ["stages"] = stages,
            ["degraded"] = degraded,
            ["months"] = new JsonObject
            {
                ["downtime_seconds"] = MonthDowntime.ToJson(),
                ["missed_sla"] = MonthsMissed.ToJson(),
                ["uptime_bands"] = new JsonArray([.. Bands.Select(b => (JsonNode)b.ToJson())]),
                ["credit_tiers"] = new JsonArray([.. Tiers.Select(t => (JsonNode)t.ToJson())]),
                ["credit"] = MonthCredit.ToJson(),
            },
            ["years"] = years,
        };
    }

    /// <summary>Reads the state written by <see cref="ToJson"/> for a run with <paramref name="settings"/>.</summary>
    /// <exception cref="JsonException">The JSON is not a valid accumulator for these settings.</exception>
    public static MonteCarloAccumulator FromJson(JsonNode? node, MonteCarloSettings settings)
    {
        if (node is not JsonObject json || json["type"]?.GetValueKind() != JsonValueKind.String || Json.String(json, "type") != FormatName)
        {
            throw new JsonException($"expected a \"{FormatName}\" object.");
        }

        if (Json.Long(json, "version") != FormatVersion)
        {
            throw new JsonException($"unsupported {FormatName} version {Json.Long(json, "version")}.");
        }

        var a = new MonteCarloAccumulator(settings)
        {
            Replications = Json.Long(json, "replications"),
            Incidents = Json.Long(json, "incidents"),
            Unrecovered = Json.Long(json, "unrecovered"),
            DowntimePerReplication = ExactSum.FromJson(json["downtime_seconds_per_replication"]),
            IncidentsPerReplication = ExactSum.FromJson(json["incidents_per_replication"]),
        };
        foreach (var (name, mode) in Json.Object(json, "failure_modes"))
        {
            a.Modes.Add(name, FailureModeAccumulator.FromJson(mode as JsonObject ?? throw new JsonException($"failure mode \"{name}\" is not an object.")));
        }

        foreach (var (name, stage) in Json.Object(json, "stages"))
        {
            a.Stages.Add(name, StageAccumulator.FromJson(stage as JsonObject ?? throw new JsonException($"stage \"{name}\" is not an object.")));
        }

        foreach (var (kind, d) in Json.Object(json, "degraded"))
        {
            a.Degraded.Add(kind, DegradedAccumulator.FromJson(d as JsonObject ?? throw new JsonException($"degraded kind \"{kind}\" is not an object.")));
        }

        var months = Json.Object(json, "months");
        a.MonthDowntime = StatisticAccumulator.FromJson(months["downtime_seconds"]);
        a.MonthsMissed = ProportionEstimate.FromJson(months["missed_sla"]);
        a.MonthCredit = ExactSum.FromJson(months["credit"]);
        var bands = Json.Array(months, "uptime_bands");
        var tiers = Json.Array(months, "credit_tiers");
        if (bands.Count != a.Bands.Length || tiers.Count != a.Tiers.Length)
        {
            throw new JsonException("the uptime bands or credit tiers do not match the settings.");
        }

        a.Bands = [.. bands.Select(ProportionEstimate.FromJson)];
        a.Tiers = [.. tiers.Select(ProportionEstimate.FromJson)];
        var years = Json.Object(json, "years");
        a.YearEvents = [.. RareEvent.YearEvents.Select(e => ProportionEstimate.FromJson(years[e.Key] ?? throw new JsonException($"missing year figure \"{e.Key}\".")))];
        long wholeYears = YearMarks.WholeYears(settings.Years);
        if (a.YearEvents.Any(y => y.Trials != a.Replications * wholeYears))
        {
            throw new JsonException("the year counts are inconsistent with the replications.");
        }

        if (a.Replications < 0 || a.DowntimePerReplication.Count != a.Replications || a.IncidentsPerReplication.Count != a.Replications
            || a.MonthsMissed.Trials != a.Replications * settings.MonthsPerReplication)
        {
            throw new JsonException("the replication and month counts are inconsistent.");
        }

        if (AccumulatorChecks.Problem(a) is { } problem)
        {
            throw new JsonException($"inconsistent accumulator: {problem}.");
        }

        return a;
    }

    /// <summary>Turns the accumulated state into report figures for <paramref name="scenario"/>.</summary>
    public MonteCarloSummary Summarise(ScenarioIdentity scenario) => MonteCarloSummary.From(scenario, this);
}
