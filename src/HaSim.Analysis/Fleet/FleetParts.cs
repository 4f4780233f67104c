using System.Text.Json;
using System.Text.Json.Nodes;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;

namespace HaSim.Analysis.Fleet;

/// <summary>Everything collected about one kind of fleet event (AZ outage, node failure, ...), over every event of that kind.</summary>
internal sealed class EventAccumulator
{
    /// <summary>The shares of affected databases whose return is timed: 50%, 90%, 99% and all.</summary>
    public static readonly double[] Shares = [0.5, 0.9, 0.99, 1.0];

    public long Events;

    /// <summary>Affected databases not back by the end of their replication.</summary>
    public long Unrecovered;

    /// <summary>Per event: databases it took down.</summary>
    public StatisticAccumulator Affected = new(Quanta.Counts);

    /// <summary>Per event and share: seconds from the event until that share of its affected databases had clients back.</summary>
    public StatisticAccumulator[] TimeTo = NewTimes();

    /// <summary>Per share: events for which that share was never reached before the end of the replication.</summary>
    public long[] Incomplete = new long[Shares.Length];

    /// <summary>Every affected database's client RTO (those that came back).</summary>
    public StatisticAccumulator Rto = new(Quanta.Durations);

    /// <summary>
    /// Per replication with affected databases that came back: their client RTOs' mean, p50, p90, p99
    /// and p99.9 within that replication (<see cref="RtoStatistics"/>), which give <see cref="Rto"/>'s
    /// pooled figures intervals over replications, the independent unit.
    /// </summary>
    public Moments[] RtoByReplication = NewRtoByReplication();

    /// <summary>Events that took down at least one database (those the curve averages over).</summary>
    public long CurveEvents;

    /// <summary>The statistics in <see cref="RtoByReplication"/>: the mean (NaN) then these quantiles.</summary>
    public static readonly double[] RtoStatistics = [double.NaN, 0.5, 0.9, 0.99, 0.999];

    public static Moments[] NewRtoByReplication() => [.. RtoStatistics.Select(_ => new Moments(Quanta.Durations))];

    /// <summary>Per grid time: affected databases still down, summed over events.</summary>
    public ExactSum[] Down = NewCurve(Quanta.Counts);

    /// <summary>Per grid time: the share of affected databases still down, summed over events.</summary>
    public ExactSum[] DownShare = NewCurve(Quanta.Fractions);

    public static StatisticAccumulator[] NewTimes() => [.. Shares.Select(_ => new StatisticAccumulator(Quanta.Durations))];

    public static ExactSum[] NewCurve(double quanta) => [.. RecoveryCurveGrid.Seconds.Select(_ => new ExactSum(quanta))];

    public void Merge(EventAccumulator o)
    {
        Events += o.Events;
        Unrecovered += o.Unrecovered;
        Affected.Merge(o.Affected);
        for (int k = 0; k < Shares.Length; k++)
        {
            TimeTo[k].Merge(o.TimeTo[k]);
            Incomplete[k] += o.Incomplete[k];
        }

        Rto.Merge(o.Rto);
        for (int k = 0; k < RtoByReplication.Length; k++)
        {
            RtoByReplication[k].Merge(o.RtoByReplication[k]);
        }

        CurveEvents += o.CurveEvents;
        for (int i = 0; i < Down.Length; i++)
        {
            Down[i].Merge(o.Down[i]);
            DownShare[i].Merge(o.DownShare[i]);
        }
    }

    public JsonObject ToJson() => new()
    {
        ["events"] = Events,
        ["unrecovered"] = Unrecovered,
        ["affected"] = Affected.ToJson(),
        ["time_to"] = new JsonArray([.. TimeTo.Select(t => (JsonNode)t.ToJson())]),
        ["incomplete"] = new JsonArray([.. Incomplete.Select(x => (JsonNode)x)]),
        ["rto_seconds"] = Rto.ToJson(),
        ["rto_seconds_by_replication"] = new JsonArray([.. RtoByReplication.Select(m => (JsonNode)m.ToJson())]),
        ["curve_events"] = CurveEvents,
        ["down"] = new JsonArray([.. Down.Select(d => (JsonNode)d.ToJson())]),
        ["down_share"] = new JsonArray([.. DownShare.Select(d => (JsonNode)d.ToJson())]),
    };

    public static EventAccumulator FromJson(JsonObject json)
    {
        var times = Json.Array(json, "time_to");
        var incomplete = Json.Array(json, "incomplete");
        var down = Json.Array(json, "down");
        var share = Json.Array(json, "down_share");
        var byReplication = Json.Array(json, "rto_seconds_by_replication");
        if (byReplication.Count != RtoStatistics.Length || times.Count != Shares.Length || incomplete.Count != Shares.Length || down.Count != RecoveryCurveGrid.Seconds.Count || share.Count != down.Count)
        {
            throw new JsonException("an event's shares or curve do not match this version's grid.");
        }

        return new EventAccumulator
        {
            Events = Json.Long(json, "events"),
            Unrecovered = Json.Long(json, "unrecovered"),
            Affected = StatisticAccumulator.FromJson(json["affected"]),
            TimeTo = [.. times.Select(StatisticAccumulator.FromJson)],
            Incomplete = [.. incomplete.Select(n => n is JsonValue v && v.TryGetValue<long>(out var x) ? x : throw new JsonException("invalid incomplete count."))],
            Rto = StatisticAccumulator.FromJson(json["rto_seconds"]),
            RtoByReplication = [.. byReplication.Select(Moments.FromJson)],
            CurveEvents = Json.Long(json, "curve_events"),
            Down = [.. down.Select(ExactSum.FromJson)],
            DownShare = [.. share.Select(ExactSum.FromJson)],
        };
    }
}

/// <summary>Everything collected about one shared pool, one value per replication.</summary>
internal sealed class PoolAccumulator
{
    public string Label = "";
    public string Unit = "";

    /// <summary>The largest capacity the pool had in any replication.</summary>
    public double Capacity;

    /// <summary>Per replication: the most in use at once.</summary>
    public StatisticAccumulator PeakInUse = new(Quanta.Counts);

    /// <summary>Per replication: requests, requests the pool could not serve, requests that queued.</summary>
    public ExactSum Requests = new(Quanta.Counts);

    public ExactSum Misses = new(Quanta.Counts);

    public ExactSum Waited = new(Quanta.Counts);

    /// <summary>Per replication: seconds requests spent queued, summed over requests.</summary>
    public StatisticAccumulator WaitSeconds = new(Quanta.Durations);

    /// <summary>Per replication: the longest queue wait.</summary>
    public StatisticAccumulator MaxWaitSeconds = new(Quanta.Durations);

    /// <summary>Per replication: the most requests queued at once.</summary>
    public StatisticAccumulator PeakWaiting = new(Quanta.Counts);

    /// <summary>Per replication with requests: the share of requests the pool could not serve.</summary>
    public ExactSum MissShare = new(Quanta.Fractions);

    public void Merge(PoolAccumulator o)
    {
        if (Label.Length == 0)
        {
            Label = o.Label;
            Unit = o.Unit;
        }

        Capacity = Math.Max(Capacity, o.Capacity);
        PeakInUse.Merge(o.PeakInUse);
        Requests.Merge(o.Requests);
        Misses.Merge(o.Misses);
        Waited.Merge(o.Waited);
        WaitSeconds.Merge(o.WaitSeconds);
        MaxWaitSeconds.Merge(o.MaxWaitSeconds);
        PeakWaiting.Merge(o.PeakWaiting);
        MissShare.Merge(o.MissShare);
    }

    public JsonObject ToJson() => new()
    {
        ["label"] = Label,
        ["unit"] = Unit,
        ["capacity"] = Capacity,
        ["peak_in_use"] = PeakInUse.ToJson(),
        ["requests"] = Requests.ToJson(),
        ["misses"] = Misses.ToJson(),
        ["waited"] = Waited.ToJson(),
        ["wait_seconds"] = WaitSeconds.ToJson(),
        ["max_wait_seconds"] = MaxWaitSeconds.ToJson(),
        ["peak_waiting"] = PeakWaiting.ToJson(),
        ["miss_share"] = MissShare.ToJson(),
    };

    public static PoolAccumulator FromJson(JsonObject json) => new()
    {
        Label = Json.String(json, "label"),
        Unit = Json.String(json, "unit"),
        Capacity = Json.Double(json, "capacity"),
        PeakInUse = StatisticAccumulator.FromJson(json["peak_in_use"]),
        Requests = ExactSum.FromJson(json["requests"]),
        Misses = ExactSum.FromJson(json["misses"]),
        Waited = ExactSum.FromJson(json["waited"]),
        WaitSeconds = StatisticAccumulator.FromJson(json["wait_seconds"]),
        MaxWaitSeconds = StatisticAccumulator.FromJson(json["max_wait_seconds"]),
        PeakWaiting = StatisticAccumulator.FromJson(json["peak_waiting"]),
        MissShare = ExactSum.FromJson(json["miss_share"]),
    };
}
