using System.Text.Json;
using System.Text.Json.Nodes;
using HaSim.Analysis.Statistics;
using HaSim.Model.Incidents;
using HaSim.Model.Metrics;

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

    /// <summary>The resolution of a per-incident figure in <paramref name="unit"/>.</summary>
    public static double For(MetricUnit unit) => unit switch
    {
        MetricUnit.Seconds => Durations,
        MetricUnit.Bytes => Bytes,
        MetricUnit.Count => Counts,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown metric unit."),
    };
}

/// <summary>
/// Everything collected about the incidents of one failure mode: one accumulator per figure of
/// <see cref="MetricTable.IncidentFigures"/>, in that order, plus per-replication counts.
/// </summary>
internal sealed class FailureModeAccumulator
{
    public long Incidents;
    public long Unrecovered;

    /// <summary>One accumulator per <see cref="MetricTable.IncidentFigures"/> entry.</summary>
    public StatisticAccumulator[] Figures = NewFigures();

    /// <summary>Per replication: incidents of this mode (replications without any add nothing).</summary>
    public ExactSum IncidentsPerReplication = new(Quanta.Counts);

    /// <summary>Per replication: client downtime attributed to this mode, in seconds.</summary>
    public ExactSum DowntimePerReplication = new(Quanta.Totals);

    /// <summary>The replication in progress (kept here by the worker's tally, never serialised or merged).</summary>
    public long PendingIncidents;

    /// <summary>The replication in progress: downtime attributed so far.</summary>
    public double PendingDowntime;

    public static StatisticAccumulator[] NewFigures() => [.. MetricTable.IncidentFigures.Select(m => new StatisticAccumulator(Quanta.For(m.Unit)))];

    public void Add(Incident incident)
    {
        Incidents++;
        if (incident.ClientRestoredSeconds is null)
        {
            Unrecovered++;
        }

        var figures = MetricTable.IncidentFigures;
        for (int k = 0; k < figures.Count; k++)
        {
            if (figures[k].ReadPlain(incident) is { } value)
            {
                Figures[k].Add(value);
            }
        }
    }

    public void Merge(FailureModeAccumulator o)
    {
        Incidents += o.Incidents;
        Unrecovered += o.Unrecovered;
        for (int k = 0; k < Figures.Length; k++)
        {
            Figures[k].Merge(o.Figures[k]);
        }

        IncidentsPerReplication.Merge(o.IncidentsPerReplication);
        DowntimePerReplication.Merge(o.DowntimePerReplication);
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["incidents"] = Incidents,
            ["unrecovered"] = Unrecovered,
        };
        var figures = MetricTable.IncidentFigures;
        for (int k = 0; k < figures.Count; k++)
        {
            json[figures[k].Key] = Figures[k].ToJson();
        }

        json["incidents_per_replication"] = IncidentsPerReplication.ToJson();
        json["downtime_seconds_per_replication"] = DowntimePerReplication.ToJson();
        return json;
    }

    public static FailureModeAccumulator FromJson(JsonObject json) => new()
    {
        Incidents = Json.Long(json, "incidents"),
        Unrecovered = Json.Long(json, "unrecovered"),
        Figures = [.. MetricTable.IncidentFigures.Select(m => StatisticAccumulator.FromJson(json[m.Key] ?? throw new JsonException($"missing figure \"{m.Key}\".")))],
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
