using HaSim.Reports.Charts;
using HaSim.Reports.Html;
using static HaSim.Reports.Pages.PageFormat;

namespace HaSim.Reports.Pages;

/// <summary>
/// The report of a fleet run: how many databases were down over time after each kind of fleet event
/// (the recovery curve), how soon 50/90/99/100% of them were back with intervals, every affected
/// database's client RTO, and the shared pools' peak use and waits.
/// </summary>
public static class FleetPage
{
    private static readonly string[] ShareLabels = ["50% back", "90% back", "99% back", "all back"];

    /// <summary>The whole page of <paramref name="r"/>.</summary>
    public static ReportDocument Build(FleetResult r, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(options);
        string runs = r.Years is { } y ? $"{Count(r.Replications)} × {Number(y)} years of random failures plus the timeline" : r.Replications == 1 ? "one replay of the timeline" : $"{Count(r.Replications)} replays of the timeline";
        var facts = new List<(string, string)>
        {
            ("databases", Count(r.Databases)),
            ("groups", string.Join(", ", r.Groups.Select(g => $"{g.Name}: {Count(g.Count)} × {g.Preset}"))),
            ("run", runs),
            ("seed", r.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("intervals", $"{Level(r.Level)} confidence"),
        };
        var sections = new List<ReportSection>
        {
            new("summary", "Summary", [KeyFigures(r, options), new Paragraph(RunSentence(r))]),
        };
        var kinds = r.Events.Where(e => e.CurveEvents > 0).OrderByDescending(e => e.MeanAffected ?? 0).ThenBy(e => e.Kind, StringComparer.Ordinal).ToList();
        sections.Add(new("recovery_curve", "Fleet recovery curve", kinds.Count == 0 ? [new Paragraph("No fleet event took a database down.")] : [.. kinds.Select(e => Curve(r, e))]));
        sections.Add(new("time_to_recover", "Time until the databases were back", [TimeToTable(r), new Paragraph(
            "Per event: the time from the event until that share of the databases it took down had clients back (rank ceil(share × affected)). "
            + "Mean over events with its interval (n = events), the 90th percentile and the worst event; 'not reached' counts events whose share was not back before the replication ended.")]));
        sections.Add(new("rto", "Client RTO of the affected databases", Rto(r, options)));
        sections.Add(new("pools", "Shared capacity: peak use and waits", [PoolTable(r), new Paragraph(
            "Per replication: the most in use at once (mean, and the most in any replication), requests and those that queued, the longest wait and the total time requests spent queued; "
            + "'not served' is the share of requests a pool could not serve at all (a warm pool found empty: the compute cold-starts instead).")]));
        return new ReportDocument($"{r.Name}: fleet of {Count(r.Databases)} databases", facts, sections);
    }

    private static KeyFigures KeyFigures(FleetResult r, ReportOptions options)
    {
        var main = r.Events.Where(e => e.CurveEvents > 0).MaxBy(e => e.MeanAffected ?? 0);
        var figures = new List<KeyFigure>
        {
            new("most databases down at once", Number(r.PeakDown.Mean.Value, "0.#"), Detail(r.PeakDown.Mean, r.Level, x => Number(x, "0.#")) + $"; worst {Number(r.PeakDown.Max, "0")}"),
            new("downtime per replication", Minutes(r.Downtime.Mean.Value / 60) + " of databases", Detail(r.Downtime.Mean, r.Level, x => Minutes(x / 60))),
        };
        if (main is not null)
        {
            for (int k = 1; k < main.TimeTo.Count && k < ShareLabels.Length; k++)
            {
                var t = main.TimeTo[k].Seconds;
                var tone = k < 3 || options.BudgetSeconds is not { } budget || t.Mean.Value is null ? Tone.Neutral
                    : t.Mean.Upper is { } u && u <= budget ? Tone.Good : t.Mean.Lower is { } l && l > budget ? Tone.Bad : Tone.Neutral;
                figures.Add(new($"{main.Label}: {ShareLabels[k]}", Seconds(t.Mean.Value), Detail(t.Mean, r.Level, Seconds) + (k == 3 && options.BudgetSeconds is { } b ? $"; budget {Seconds(b)}" : ""), tone));
            }

            figures.Add(new($"{main.Label}: databases not back", Count(main.Unrecovered), $"of {Number(main.MeanAffected, "0.#")} affected per event, {Count(main.Events)} events", main.Unrecovered == 0 ? Tone.Good : Tone.Bad));
        }

        return new KeyFigures(figures);
    }

    private static string RunSentence(FleetResult r) =>
        $"{Count(r.Databases)} databases in {r.Groups.Count} group{(r.Groups.Count == 1 ? "" : "s")} sharing the region's capacity, {Count(r.Replications)} replication{(r.Replications == 1 ? "" : "s")} (seed {r.Seed}). "
        + "Fleet figures have one value per replication and event figures one per fleet event: the databases of one replication share its outages and queues, so they are not independent. "
        + $"Every estimate has its {Level(r.Level)} confidence interval where the data supports one.";

    private static ChartBlock Curve(FleetResult r, FileFleetEvent e)
    {
        var points = Trim(e.Curve);
        var series = new List<FleetRecoverySeries> { new($"mean over {Count(e.CurveEvents)} event{(e.CurveEvents == 1 ? "" : "s")}", [.. points.Select(p => (p.Seconds, p.Down.Value ?? 0))]) };
        if (points.Any(p => p.Down.Upper is not null))
        {
            series.Add(new($"upper {Level(r.Level)} bound", [.. points.Select(p => (p.Seconds, p.Down.Upper ?? p.Down.Value ?? 0))]));
        }

        var marks = new List<ChartThreshold>();
        double span = e.TimeTo.Select(t => t.Seconds.Mean.Value ?? 0).DefaultIfEmpty(0).Max();
        foreach (var (t, label) in e.TimeTo.Zip(ShareLabels).Reverse())
        {
            // From the last back to the first, leaving out a mark too close to a later one for its label to be read.
            if (t.Seconds.Mean.Value is { } at && (marks.Count == 0 || marks[^1].Value - at > span * 0.08))
            {
                marks.Add(new ChartThreshold(at, label));
            }
        }

        marks.Reverse();
        var chart = FleetRecoveryChart.Render("recovery_curve_" + Anchor(e.Kind), new FleetRecoveryChartData($"Databases down after {Article(e.Label)}", e.MeanAffected, series, marks));
        var table = new DataTable($"Databases down after {Article(e.Label)}", [">minutes after", ">databases down (mean)", $">{Level(r.Level)} CI"],
        [
            .. Sampled(points).Select(p => (IReadOnlyList<string>)[Number(p.Seconds / 60, "0.##"), Number(p.Down.Value, "0.#"), p.Down.N < 2 ? "–" : Interval(p.Down, x => Number(x, "0.#"))]),
        ]);
        return new ChartBlock(chart, table, "The step curve is the mean over events of the databases still down (client view) at each time since the event; dashed lines mark when, on average, 50%, 90%, 99% and all of them were back (a mark too close to a later one is left out).");
    }

    /// <summary>The curve up to a little after the last database is back (the grid runs to 6 h).</summary>
    private static List<FileCurvePoint> Trim(IReadOnlyList<FileCurvePoint> curve)
    {
        int last = curve.Count - 1;
        while (last > 0 && (curve[last - 1].Down.Value ?? 0) == 0)
        {
            last--;
        }

        return [.. curve.Take(Math.Min(curve.Count, last + 2))];
    }

    /// <summary>At most about 20 rows of the curve for its table.</summary>
    private static IEnumerable<FileCurvePoint> Sampled(List<FileCurvePoint> points)
    {
        int step = Math.Max(1, (points.Count + 19) / 20);
        return points.Where((_, i) => i % step == 0 || i == points.Count - 1);
    }

    private static DataTable TimeToTable(FleetResult r) => new("Time until a share of the affected databases were back, per event",
        ["fleet event", ">events", ">affected (mean)", "share back", ">mean", $">{Level(r.Level)} CI", ">p90", ">worst", ">not reached"],
        [
            .. r.Events.SelectMany(e => e.TimeTo.Zip(ShareLabels).Select(x => (IReadOnlyList<string>)
            [
                e.Label, Count(e.Events), Number(e.Affected.Mean.Value, "0.#"), x.Second, Seconds(x.First.Seconds.Mean.Value), Interval(x.First.Seconds.Mean, Seconds),
                Seconds(x.First.Seconds.P90.Value), Seconds(x.First.Seconds.Max), Count(x.First.Incomplete),
            ])),
        ]);

    private static List<ReportBlock> Rto(FleetResult r, ReportOptions options)
    {
        var kinds = r.Events.Where(e => e.Rto.N > 0 && e.Rto.Cdf.Count > 0).OrderByDescending(e => e.Rto.N).ToList();
        if (kinds.Count == 0)
        {
            return [new Paragraph("No affected database had clients back within its replication.")];
        }

        var budget = options.BudgetSeconds is { } b ? new ChartThreshold(b, "budget " + ChartAxes.DurationLabel(b)) : null;
        var chart = CdfChart.Render("fleet_rto_cdf", new CdfChartData("Client RTO of every affected database, by fleet event", "client RTO", ChartQuantity.Seconds,
            [.. kinds.Select((e, k) => new CdfSeries(e.Label, e.Rto.Cdf, Emphasised: k == 0))], budget));
        var table = new DataTable("Client RTO of the affected databases", ["fleet event", ">databases", ">p50", ">p90", ">p99", $">p99 {Level(r.Level)} CI", ">max", ">not back"],
        [
            .. kinds.Select(e => (IReadOnlyList<string>)[e.Label, Count(e.Rto.N), Seconds(e.Rto.P50.Value), Seconds(e.Rto.P90.Value), Seconds(e.Rto.P99.Value), Interval(e.Rto.P99, Seconds), Seconds(e.Rto.Max), Count(e.Unrecovered)]),
        ]);
        return [new ChartBlock(chart, table, "Each affected database counts once per event; the spread is what the shared capacity does to databases that would each recover alike on their own.")];
    }

    private static DataTable PoolTable(FleetResult r) => new("Shared pools (per replication)",
        ["pool", ">capacity", ">peak in use", ">worst peak", ">requests", ">queued", ">peak queue", ">longest wait", ">total wait", ">not served"],
        [
            .. r.Pools.Select(p => (IReadOnlyList<string>)
            [
                p.Label, p.Capacity > 0 ? $"{Number(p.Capacity, "#,0.##")} {p.Unit}" : "–", Number(p.PeakInUse.Mean.Value, "0.#"), Number(p.PeakInUse.Max, "0.#"),
                Number(p.RequestsPerReplication.Value, "0.#"), Number(p.WaitedPerReplication.Value, "0.#"), Number(p.PeakWaiting.Max, "0"),
                Seconds(p.MaxWaitSeconds.Max), Seconds(p.WaitSeconds.Mean.Value), Share(p.MissShare.Value),
            ]),
        ]);

    private static string Article(string label) => (label.Length > 0 && "aeiouAEIOU".Contains(label[0], StringComparison.Ordinal) ? "an " : "a ") + label;
}
