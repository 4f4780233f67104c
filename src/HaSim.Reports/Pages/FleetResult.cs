using HaSim.Reports.Fleet;
using static HaSim.Reports.Pages.MonteCarloResult;

namespace HaSim.Reports.Pages;

/// <summary>How soon a share of the databases a fleet event took down were back, read from <c>fleet-summary.json</c>.</summary>
/// <param name="Share">The share (0.5, 0.9, 0.99, 1).</param>
/// <param name="Seconds">Per event: seconds from the event until that share had clients back.</param>
/// <param name="Incomplete">Events whose share was not back by the end of the replication.</param>
public sealed record FileTimeTo(double Share, FileDistribution Seconds, long Incomplete);

/// <summary>One point of a recovery curve: mean databases still down (with its interval) at a time after the event.</summary>
/// <param name="Seconds">Seconds after the event.</param>
/// <param name="Down">Databases down, mean over events.</param>
public sealed record FileCurvePoint(double Seconds, FileEstimate Down);

/// <summary>One kind of fleet event (AZ outage, node failure...).</summary>
/// <param name="Kind">Its key.</param>
/// <param name="Label">Its display label.</param>
/// <param name="Events">Events of this kind.</param>
/// <param name="Affected">Per event: databases it took down.</param>
/// <param name="TimeTo">Time to 50%, 90%, 99% and all back.</param>
/// <param name="Rto">Every affected database's client RTO, pooled over events.</param>
/// <param name="Unrecovered">Affected databases not back by the end of their replication.</param>
/// <param name="CurveEvents">Events the curve averages over.</param>
/// <param name="MeanAffected">Their mean affected databases.</param>
/// <param name="Curve">The recovery curve.</param>
public sealed record FileFleetEvent(string Kind, string Label, long Events, FileDistribution Affected, IReadOnlyList<FileTimeTo> TimeTo, FileDistribution Rto, long Unrecovered,
    long CurveEvents, double? MeanAffected, IReadOnlyList<FileCurvePoint> Curve);

/// <summary>One shared pool of a fleet run.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Label">Its label.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Capacity">Its capacity (0: none).</param>
/// <param name="PeakInUse">Per replication: most in use at once.</param>
/// <param name="RequestsPerReplication">Requests per replication.</param>
/// <param name="WaitedPerReplication">Requests that queued, per replication.</param>
/// <param name="MissShare">The share of requests the pool could not serve.</param>
/// <param name="WaitSeconds">Per replication: seconds requests spent queued, summed.</param>
/// <param name="MaxWaitSeconds">Per replication: the longest wait.</param>
/// <param name="PeakWaiting">Per replication: most requests queued at once.</param>
public sealed record FilePool(string Key, string Label, string Unit, double Capacity, FileDistribution PeakInUse, FileEstimate RequestsPerReplication, FileEstimate WaitedPerReplication,
    FileEstimate MissShare, FileDistribution WaitSeconds, FileDistribution MaxWaitSeconds, FileDistribution PeakWaiting);

/// <summary>A fleet group as the report shows it.</summary>
/// <param name="Name">The group's name.</param>
/// <param name="Preset">Its preset.</param>
/// <param name="Count">Its databases.</param>
public sealed record FileFleetGroup(string Name, string Preset, long Count);

/// <summary>A fleet run's results read from <c>fleet-summary.json</c> (format <c>hasim.fleet/1</c>) for its report.</summary>
/// <param name="File">The file read.</param>
/// <param name="Name">The fleet's name.</param>
/// <param name="Hash">The hash of its scenario file.</param>
/// <param name="Databases">Databases in the fleet.</param>
/// <param name="Groups">Its groups.</param>
/// <param name="Kind">"timeline" or "monte_carlo".</param>
/// <param name="Seed">The root seed.</param>
/// <param name="Replications">Replications run.</param>
/// <param name="Years">Years per replication, or null for replays.</param>
/// <param name="Level">The confidence level.</param>
/// <param name="PeakDown">Per replication: most databases down at once.</param>
/// <param name="Downtime">Per replication: database-seconds of client downtime.</param>
/// <param name="Events">Per kind of fleet event.</param>
/// <param name="Pools">The shared pools.</param>
public sealed record FleetResult(string File, string Name, string Hash, long Databases, IReadOnlyList<FileFleetGroup> Groups, string Kind, ulong Seed, long Replications, double? Years,
    double Level, FileDistribution PeakDown, FileDistribution Downtime, IReadOnlyList<FileFleetEvent> Events, IReadOnlyList<FilePool> Pools)
{
    /// <summary>The format this reads.</summary>
    public const string Format = FleetJson.Format;

    /// <summary>Reads <c>fleet-summary.json</c> text.</summary>
    /// <exception cref="ReportInputException">It is not a fleet summary of the current format, or a field is missing or malformed.</exception>
    public static FleetResult Parse(string file, string text)
    {
        var j = JsonFields.Parse(file, text);
        string format = j.String("format");
        if (format != Format)
        {
            throw new ReportInputException($"{file}: format {format}: a fleet report needs {Format}; re-run the fleet with this version of hasim");
        }

        var scenario = j.Object("scenario");
        var run = j.Object("run");
        return new FleetResult(
            file, scenario.String("name"), scenario.String("hash"), scenario.Long("databases"),
            [.. scenario.Array("groups").Select(g => new FileFleetGroup(g.String("name"), g.String("preset"), g.Long("count")))],
            run.String("kind"),
            ulong.TryParse(run.Element.GetProperty("seed").GetRawText(), out var seed) ? seed : throw run.Error("seed", "expected a whole number"),
            run.Long("replications"), run.OptionalNumber("years_per_replication"), run.Number("confidence_level"),
            Distribution(j.Object("peak_databases_down")), Distribution(j.Object("downtime_seconds_per_replication")),
            [.. j.Array("events").Select(Event)],
            [.. j.Array("pools").Select(p => new FilePool(p.String("key"), p.String("label"), p.String("unit"), p.Number("capacity"), Distribution(p.Object("peak_in_use")),
                Estimate(p.Object("requests_per_replication")), Estimate(p.Object("waited_per_replication")), Estimate(p.Object("miss_share")),
                Distribution(p.Object("wait_seconds_per_replication")), Distribution(p.Object("max_wait_seconds")), Distribution(p.Object("peak_waiting"))))]);
    }

    private static FileFleetEvent Event(JsonFields e)
    {
        var curve = e.Object("recovery_curve");
        return new FileFleetEvent(e.String("kind"), e.String("label"), e.Long("events"), Distribution(e.Object("affected")),
            [.. e.Array("time_to_recover").Select(t => new FileTimeTo(t.Number("share"), Distribution(t.Object("seconds")), t.Long("incomplete")))],
            Distribution(e.Object("affected_rto_seconds")), e.Long("unrecovered"), curve.Long("events"), curve.OptionalNumber("mean_affected"),
            [.. curve.Array("points").Select(p => new FileCurvePoint(p.Number("seconds"), Estimate(p.Object("databases_down"))))]);
    }
}
