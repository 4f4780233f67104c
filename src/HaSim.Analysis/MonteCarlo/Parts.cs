using System.Text.Json;
using System.Text.Json.Nodes;
using HaSim.Analysis.Statistics;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>Resolutions of the exact sums the Monte Carlo accumulators keep.</summary>
internal static class Quanta
{
    /// <summary>Per-incident durations: microseconds.</summary>
    public const double Durations = ExactSum.MicrosecondsPerSecond;

    /// <summary>Per-replication totals (downtime, degraded and stage time): milliseconds, so a million-year replication still fits.</summary>
    public const double Totals = 1_000;

    /// <summary>Bytes.</summary>
    public const double Bytes = ExactSum.WholeUnits;

    /// <summary>Counts.</summary>
    public const double Counts = ExactSum.WholeUnits;

    /// <summary>Fractions (credits, availability differences): 1e-12.</summary>
    public const double Fractions = 1e12;
}

/// <summary>Everything collected about the incidents of one failure mode.</summary>
internal sealed class FailureModeAccumulator
{
    public long Incidents;
    public long Unrecovered;
    public StatisticAccumulator ClientRto = new(Quanta.Durations);
    public StatisticAccumulator ServerRto = new(Quanta.Durations);
    public StatisticAccumulator Detection = new(Quanta.Durations);
    public StatisticAccumulator RpoBytes = new(Quanta.Bytes);
    public StatisticAccumulator RpoSeconds = new(Quanta.Durations);

    /// <summary>Per replication: incidents of this mode (replications without any add nothing).</summary>
    public ExactSum IncidentsPerReplication = new(Quanta.Counts);

    /// <summary>Per replication: client downtime attributed to this mode, in seconds.</summary>
    public ExactSum DowntimePerReplication = new(Quanta.Totals);

    /// <summary>The replication in progress (kept here by the worker's tally, never serialised or merged).</summary>
    public long PendingIncidents;

    /// <summary>The replication in progress: downtime attributed so far.</summary>
    public double PendingDowntime;

    public void Add(in IncidentFacts f)
    {
        Incidents++;
        if (f.ClientRestoredSeconds is { } client)
        {
            ClientRto.Add(client - f.StartSeconds);
        }
        else
        {
            Unrecovered++;
        }

        if (f.ServerRestoredSeconds is { } server)
        {
            ServerRto.Add(server - f.StartSeconds);
        }

        if (f.DetectedSeconds is { } detected)
        {
            Detection.Add(detected - f.StartSeconds);
        }

        RpoBytes.Add(f.RpoBytes);
        RpoSeconds.Add(f.RpoSeconds);
    }

    public void Merge(FailureModeAccumulator o)
    {
        Incidents += o.Incidents;
        Unrecovered += o.Unrecovered;
        ClientRto.Merge(o.ClientRto);
        ServerRto.Merge(o.ServerRto);
        Detection.Merge(o.Detection);
        RpoBytes.Merge(o.RpoBytes);
        RpoSeconds.Merge(o.RpoSeconds);
        IncidentsPerReplication.Merge(o.IncidentsPerReplication);
        DowntimePerReplication.Merge(o.DowntimePerReplication);
    }

    public FailureModeAccumulator Clone() => new()
    {
        Incidents = Incidents,
        Unrecovered = Unrecovered,
        ClientRto = ClientRto.Clone(),
        ServerRto = ServerRto.Clone(),
        Detection = Detection.Clone(),
        RpoBytes = RpoBytes.Clone(),
        RpoSeconds = RpoSeconds.Clone(),
        IncidentsPerReplication = IncidentsPerReplication.Clone(),
        DowntimePerReplication = DowntimePerReplication.Clone(),
    };

    public JsonObject ToJson() => new()
    {
        ["incidents"] = Incidents,
        ["unrecovered"] = Unrecovered,
        ["client_rto_seconds"] = ClientRto.ToJson(),
        ["server_rto_seconds"] = ServerRto.ToJson(),
        ["detection_seconds"] = Detection.ToJson(),
        ["rpo_bytes"] = RpoBytes.ToJson(),
        ["rpo_seconds"] = RpoSeconds.ToJson(),
        ["incidents_per_replication"] = IncidentsPerReplication.ToJson(),
        ["downtime_seconds_per_replication"] = DowntimePerReplication.ToJson(),
    };

    public static FailureModeAccumulator FromJson(JsonObject json) => new()
    {
        Incidents = Json.Long(json, "incidents"),
        Unrecovered = Json.Long(json, "unrecovered"),
        ClientRto = StatisticAccumulator.FromJson(json["client_rto_seconds"]),
        ServerRto = StatisticAccumulator.FromJson(json["server_rto_seconds"]),
        Detection = StatisticAccumulator.FromJson(json["detection_seconds"]),
        RpoBytes = StatisticAccumulator.FromJson(json["rpo_bytes"]),
        RpoSeconds = StatisticAccumulator.FromJson(json["rpo_seconds"]),
        IncidentsPerReplication = ExactSum.FromJson(json["incidents_per_replication"]),
        DowntimePerReplication = ExactSum.FromJson(json["downtime_seconds_per_replication"]),
    };
}

/// <summary>Everything collected about one named recovery stage.</summary>
internal sealed class StageAccumulator
{
    public long Occurrences;

    /// <summary>Each run of the stage, start to end (including any part after clients were back).</summary>
    public StatisticAccumulator Duration = new(Quanta.Durations);

    /// <summary>Per replication: the stage's time within its incidents' client downtime, in seconds.</summary>
    public ExactSum DowntimePerReplication = new(Quanta.Totals);

    /// <summary>The replication in progress: whether the stage ran, and its time within downtime so far.</summary>
    public bool Touched;

    /// <summary>The replication in progress: the stage's time within downtime so far.</summary>
    public double PendingDowntime;

    public void Merge(StageAccumulator o)
    {
        Occurrences += o.Occurrences;
        Duration.Merge(o.Duration);
        DowntimePerReplication.Merge(o.DowntimePerReplication);
    }

    public StageAccumulator Clone() => new() { Occurrences = Occurrences, Duration = Duration.Clone(), DowntimePerReplication = DowntimePerReplication.Clone() };

    public JsonObject ToJson() => new()
    {
        ["occurrences"] = Occurrences,
        ["duration_seconds"] = Duration.ToJson(),
        ["downtime_seconds_per_replication"] = DowntimePerReplication.ToJson(),
    };

    public static StageAccumulator FromJson(JsonObject json) => new()
    {
        Occurrences = Json.Long(json, "occurrences"),
        Duration = StatisticAccumulator.FromJson(json["duration_seconds"]),
        DowntimePerReplication = ExactSum.FromJson(json["downtime_seconds_per_replication"]),
    };
}

/// <summary>Everything collected about one kind of degraded time.</summary>
internal sealed class DegradedAccumulator
{
    public long Intervals;

    /// <summary>Per replication: degraded seconds of this kind.</summary>
    public ExactSum PerReplication = new(Quanta.Totals);

    /// <summary>The replication in progress: whether this kind occurred.</summary>
    public bool Touched;

    /// <summary>The replication in progress: degraded seconds so far.</summary>
    public double Pending;

    public void Merge(DegradedAccumulator o)
    {
        Intervals += o.Intervals;
        PerReplication.Merge(o.PerReplication);
    }

    public DegradedAccumulator Clone() => new() { Intervals = Intervals, PerReplication = PerReplication.Clone() };

    public JsonObject ToJson() => new() { ["intervals"] = Intervals, ["seconds_per_replication"] = PerReplication.ToJson() };

    public static DegradedAccumulator FromJson(JsonObject json) => new()
    {
        Intervals = Json.Long(json, "intervals"),
        PerReplication = ExactSum.FromJson(json["seconds_per_replication"]),
    };
}

/// <summary>Small JSON reading helpers with clear errors.</summary>
internal static class Json
{
    public static long Long(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<long>(out var x) ? x
        : json[name] is JsonValue d && d.TryGetValue<double>(out var y) && y == Math.Floor(y) && Math.Abs(y) < 9e15 ? (long)y
        : throw new JsonException($"missing or invalid integer \"{name}\".");

    public static double Double(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<double>(out var x) && double.IsFinite(x) ? x
        : throw new JsonException($"missing or invalid number \"{name}\".");

    public static string String(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<string>(out var x) ? x
        : throw new JsonException($"missing or invalid string \"{name}\".");

    public static JsonObject Object(JsonObject json, string name) =>
        json[name] as JsonObject ?? throw new JsonException($"missing object \"{name}\".");

    public static JsonArray Array(JsonObject json, string name) =>
        json[name] as JsonArray ?? throw new JsonException($"missing array \"{name}\".");
}
