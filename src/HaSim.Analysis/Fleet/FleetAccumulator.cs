using System.Text.Json;
using System.Text.Json.Nodes;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;
using HaSim.Scenarios.Fleet;

namespace HaSim.Analysis.Fleet;

/// <summary>One group's per-database settings: its databases in each replication count as replications of its preset.</summary>
/// <param name="Name">The group's name.</param>
/// <param name="Count">Its databases.</param>
/// <param name="PerDatabase">Monte Carlo settings of its databases (their SLA and credit tiers).</param>
public sealed record FleetGroupSettings(string Name, int Count, MonteCarloSettings PerDatabase);

/// <summary>
/// Everything a fleet run collects, exactly mergeable (integer counts, exact sums, sketch buckets),
/// so any split of the replications over threads or shards gives the same state and a byte-identical
/// summary: per group, the per-database figures of every database in every replication (as a Monte
/// Carlo accumulator); per replication, the most databases down at once and the fleet's downtime; per
/// fleet month, the fleet's downtime and the share of databases whose month met their SLA; per kind of
/// fleet event, how long until 50%, 90%, 99% and all of the databases it took down were back, and the
/// recovery curve; per shared pool, its peak use and queueing.
/// </summary>
/// <remarks>Not thread-safe: one per worker, merged afterwards.</remarks>
public sealed class FleetAccumulator
{
    private const string FormatName = "hasim.fleet-accumulator";
    // Version 2: events keep their RTO statistics per replication (rto_seconds_by_replication).
    private const int FormatVersion = 2;

    /// <summary>Creates an empty accumulator for runs of <paramref name="groups"/> with <paramref name="settings"/>.</summary>
    public FleetAccumulator(FleetSettings settings, IReadOnlyList<FleetGroupSettings> groups)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(groups);
        Settings = settings;
        Groups = groups;
        Databases = groups.Sum(g => g.Count);
        PerDatabase = [.. groups.Select(g => new MonteCarloAccumulator(g.PerDatabase))];
    }

    /// <summary>The run's settings.</summary>
    public FleetSettings Settings { get; }

    /// <summary>The groups, in fleet order.</summary>
    public IReadOnlyList<FleetGroupSettings> Groups { get; }

    /// <summary>Databases per replication.</summary>
    public int Databases { get; }

    /// <summary>Replications added.</summary>
    public long Replications { get; internal set; }

    internal MonteCarloAccumulator[] PerDatabase { get; private set; }

    internal StatisticAccumulator PeakDown { get; private set; } = new(Quanta.Counts);

    internal StatisticAccumulator DowntimeSeconds { get; private set; } = new(Quanta.Totals);

    internal StatisticAccumulator MonthDowntime { get; private set; } = new(Quanta.Totals);

    internal StatisticAccumulator MonthShareMet { get; private set; } = new(Quanta.Fractions);

    internal ExactSum MonthDowntimePerReplication { get; private set; } = new(Quanta.Totals);

    internal ExactSum ShareMetPerReplication { get; private set; } = new(Quanta.Fractions);

    internal Dictionary<string, EventAccumulator> Events { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, PoolAccumulator> Pools { get; } = new(StringComparer.Ordinal);

    /// <summary>The groups' settings for <paramref name="scenario"/> run with <paramref name="settings"/>.</summary>
    public static IReadOnlyList<FleetGroupSettings> GroupSettings(FleetScenario scenario, FleetSettings settings)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        return [.. scenario.Groups.Select(g => new FleetGroupSettings(g.Name, g.Count, settings.ForGroup(g)))];
    }

    internal EventAccumulator Event(string kind)
    {
        if (!Events.TryGetValue(kind, out var e))
        {
            e = new EventAccumulator();
            Events.Add(kind, e);
        }

        return e;
    }

    internal PoolAccumulator Pool(string key)
    {
        if (!Pools.TryGetValue(key, out var p))
        {
            p = new PoolAccumulator();
            Pools.Add(key, p);
        }

        return p;
    }

    /// <summary>Adds everything in <paramref name="other"/> (exact and order-independent).</summary>
    /// <exception cref="ArgumentException">The settings or groups differ.</exception>
    public void Merge(FleetAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!SameRun(other))
        {
            throw new ArgumentException("Cannot merge fleet accumulators of different runs.", nameof(other));
        }

        checked
        {
            Replications += other.Replications;
        }

        for (int g = 0; g < PerDatabase.Length; g++)
        {
            PerDatabase[g].Merge(other.PerDatabase[g]);
        }

        PeakDown.Merge(other.PeakDown);
        DowntimeSeconds.Merge(other.DowntimeSeconds);
        MonthDowntime.Merge(other.MonthDowntime);
        MonthShareMet.Merge(other.MonthShareMet);
        MonthDowntimePerReplication.Merge(other.MonthDowntimePerReplication);
        ShareMetPerReplication.Merge(other.ShareMetPerReplication);
        foreach (var (kind, e) in other.Events)
        {
            Event(kind).Merge(e);
        }

        foreach (var (key, p) in other.Pools)
        {
            Pool(key).Merge(p);
        }
    }

    /// <summary>Whether <paramref name="other"/> collects the same run (settings and groups).</summary>
    public bool SameRun(FleetAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Settings == other.Settings && Groups.Count == other.Groups.Count
            && Groups.Zip(other.Groups).All(p => p.First.Name == p.Second.Name && p.First.Count == p.Second.Count
                && MonteCarloAccumulator.SameSettings(p.First.PerDatabase, p.Second.PerDatabase));
    }

    /// <summary>The accumulated state as JSON (settings and groups are stored beside it by <see cref="FleetPartialResult"/>).</summary>
    public JsonObject ToJson()
    {
        var groups = new JsonObject();
        for (int g = 0; g < Groups.Count; g++)
        {
            groups[Groups[g].Name] = PerDatabase[g].ToJson();
        }

        var events = new JsonObject();
        foreach (var (kind, e) in MonteCarloAccumulator.Sorted(Events))
        {
            events[kind] = e.ToJson();
        }

        var pools = new JsonObject();
        foreach (var (key, p) in MonteCarloAccumulator.Sorted(Pools))
        {
            pools[key] = p.ToJson();
        }

        return new JsonObject
        {
            ["type"] = FormatName,
            ["version"] = FormatVersion,
            ["replications"] = Replications,
            ["databases"] = Databases,
            ["per_database"] = groups,
            ["peak_databases_down"] = PeakDown.ToJson(),
            ["downtime_seconds_per_replication"] = DowntimeSeconds.ToJson(),
            ["months"] = new JsonObject
            {
                ["downtime_seconds"] = MonthDowntime.ToJson(),
                ["share_met_sla"] = MonthShareMet.ToJson(),
                ["downtime_seconds_per_replication"] = MonthDowntimePerReplication.ToJson(),
                ["share_met_sla_per_replication"] = ShareMetPerReplication.ToJson(),
            },
            ["events"] = events,
            ["pools"] = pools,
        };
    }

    /// <summary>Reads the state written by <see cref="ToJson"/> for a run with <paramref name="settings"/> and <paramref name="groups"/>.</summary>
    /// <exception cref="JsonException">The JSON is not a valid accumulator for them.</exception>
    public static FleetAccumulator FromJson(JsonNode? node, FleetSettings settings, IReadOnlyList<FleetGroupSettings> groups)
    {
        if (node is not JsonObject json || json["type"] is not JsonValue t || !t.TryGetValue<string>(out var type) || type != FormatName)
        {
            throw new JsonException($"expected a \"{FormatName}\" object.");
        }

        if (Json.Long(json, "version") != FormatVersion)
        {
            throw new JsonException($"unsupported {FormatName} version {Json.Long(json, "version")}.");
        }

        var a = new FleetAccumulator(settings, groups)
        {
            Replications = Json.Long(json, "replications"),
        };
        if (Json.Long(json, "databases") != a.Databases)
        {
            throw new JsonException("the database count does not match the groups.");
        }

        var perDatabase = Json.Object(json, "per_database");
        for (int g = 0; g < groups.Count; g++)
        {
            a.PerDatabase[g] = MonteCarloAccumulator.FromJson(perDatabase[groups[g].Name], groups[g].PerDatabase);
        }

        a.PeakDown = StatisticAccumulator.FromJson(json["peak_databases_down"]);
        a.DowntimeSeconds = StatisticAccumulator.FromJson(json["downtime_seconds_per_replication"]);
        var months = Json.Object(json, "months");
        a.MonthDowntime = StatisticAccumulator.FromJson(months["downtime_seconds"]);
        a.MonthShareMet = StatisticAccumulator.FromJson(months["share_met_sla"]);
        a.MonthDowntimePerReplication = ExactSum.FromJson(months["downtime_seconds_per_replication"]);
        a.ShareMetPerReplication = ExactSum.FromJson(months["share_met_sla_per_replication"]);
        foreach (var (kind, e) in Json.Object(json, "events"))
        {
            a.Events.Add(kind, EventAccumulator.FromJson(e as JsonObject ?? throw new JsonException($"event kind \"{kind}\" is not an object.")));
        }

        foreach (var (key, p) in Json.Object(json, "pools"))
        {
            a.Pools.Add(key, PoolAccumulator.FromJson(p as JsonObject ?? throw new JsonException($"pool \"{key}\" is not an object.")));
        }

        if (FleetAccumulatorChecks.Problem(a) is { } problem)
        {
            throw new JsonException($"the accumulator is inconsistent ({problem}): the file was edited or damaged.");
        }

        return a;
    }

    /// <summary>Turns the accumulated state into report figures for <paramref name="scenario"/>.</summary>
    public FleetSummary Summarise(FleetIdentity scenario) => FleetSummary.From(scenario, this);

    /// <summary>The SLA target of group <paramref name="group"/>'s databases.</summary>
    internal double SlaTarget(int group) => Groups[group].PerDatabase.SlaTarget;
}
