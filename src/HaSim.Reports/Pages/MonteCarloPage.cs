using HaSim.Model.Metrics;
using HaSim.Reports.Charts;
using HaSim.Reports.Html;
using static HaSim.Reports.Pages.PageFormat;

namespace HaSim.Reports.Pages;

/// <summary>The report of one Monte Carlo run: headline figures, recovery-time distributions, data loss, monthly uptime, where the downtime goes, degraded time.</summary>
public static class MonteCarloPage
{
    /// <summary>The whole page of <paramref name="r"/>.</summary>
    public static ReportDocument Build(MonteCarloResult r, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(options);
        return new ReportDocument($"{r.Name}: {Number(r.Years * r.Replications, "#,0.##")} simulated years", Facts(r), Sections(r, options, "", 2));
    }

    /// <summary>What ran, for the facts under a title.</summary>
    public static IReadOnlyList<(string, string)> Facts(MonteCarloResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return
        [
            ("preset", r.Preset), ("model", r.Model), ("replications", $"{Count(r.Replications)} × {Number(r.Years)} years"), ("seed", r.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("intervals", $"{Level(r.Level)} confidence"),
        ];
    }

    /// <summary>The sections, with anchors prefixed by <paramref name="prefix"/> and top headings at <paramref name="level"/> (so a comparison can nest them).</summary>
    public static IReadOnlyList<ReportSection> Sections(MonteCarloResult r, ReportOptions options, string prefix, int level)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(options);
        string id = prefix.Length == 0 ? "" : prefix + "_";
        string title = prefix.Length == 0 ? "" : r.Name + ": ";
        var sections = new List<ReportSection>
        {
            new(id + "summary", prefix.Length == 0 ? "Summary" : r.Name, [KeyFigures(r, options), new Paragraph(RunSentence(r))], level),
            new(id + "recovery", title + "Recovery time", Recovery(r, options, id), Math.Max(level, prefix.Length == 0 ? 2 : 3)),
            new(id + "data_loss", title + "Data loss", DataLoss(r, id), Math.Max(level, prefix.Length == 0 ? 2 : 3)),
            new(id + "monthly", title + "Monthly uptime and the SLA", Monthly(r, id), Math.Max(level, prefix.Length == 0 ? 2 : 3)),
            new(id + "causes", title + "Where the downtime goes", Causes(r, id), Math.Max(level, prefix.Length == 0 ? 2 : 3)),
        };
        if (r.Degraded.Count > 0)
        {
            sections.Add(new(id + "degraded", title + "Degraded time", [DegradedTable(r)], Math.Max(level, prefix.Length == 0 ? 2 : 3)));
        }

        return sections;
    }

    /// <summary>The headline figures.</summary>
    public static KeyFigures KeyFigures(MonteCarloResult r, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(options);
        var rto = r.Of(MetricTable.Rto.Key);
        var rpo = r.Of(MetricTable.RpoBytes.Key);
        var slaTone = r.Monthly.SlaMiss.Value is null ? Tone.Neutral : r.Monthly.SlaMiss.Value == 0 ? Tone.Good : Tone.Neutral;
        var rtoTone = options.BudgetSeconds is not { } budget || rto.P99.Value is null ? Tone.Neutral
            : rto.P99.Upper is { } u && u <= budget ? Tone.Good : rto.P99.Lower is { } l && l > budget ? Tone.Bad : Tone.Neutral;
        return new KeyFigures(
        [
            new("availability", Uptime(r.Availability.Value), Detail(r.Availability, r.Level, Uptime)),
            new("nines", Number(r.Nines.Value, "0.00"), Detail(r.Nines, r.Level, x => Number(x, "0.00"))),
            new("downtime per year", Minutes(r.DowntimeMinutesPerYear.Value), Detail(r.DowntimeMinutesPerYear, r.Level, Minutes)),
            new("incidents per year", Number(r.IncidentsPerYear.Value), Detail(r.IncidentsPerYear, r.Level, x => Number(x))),
            new("client RTO p99", Seconds(rto.P99.Value), Detail(rto.P99, r.Level, Seconds) + (options.BudgetSeconds is { } b ? $"; budget {Seconds(b)}" : ""), rtoTone),
            new($"months missing the {Uptime(r.Monthly.SlaTarget)} SLA", Share(r.Monthly.SlaMiss.Value), Detail(r.Monthly.SlaMiss, r.Level, Share), slaTone),
            new("expected credit per month", Share(r.Monthly.ExpectedCredit.Value), Detail(r.Monthly.ExpectedCredit, r.Level, Share)),
            new("RPO p99", Bytes(rpo.P99.Value), $"worst {Bytes(rpo.Max)}; n = {Count(rpo.N)}"),
        ]);
    }

    private static string RunSentence(MonteCarloResult r) =>
        $"{Count(r.Replications)} replications of {Number(r.Years)} years each ({Number(r.Years * r.Replications, "#,0.##")} simulated years), seed {r.Seed}: "
        + $"{Count(r.Incidents)} incidents, {Count(r.Unrecovered)} not recovered before their replication ended (those count as downtime but are left out of RTO). "
        + $"Every figure has its {Level(r.Level)} confidence interval and sample size n; quantiles come from a sketch within 0.5% relative error, which their intervals include.";

    private static List<ReportBlock> Recovery(MonteCarloResult r, ReportOptions options, string id)
    {
        var budget = options.BudgetSeconds is { } b ? new ChartThreshold(b, "budget " + ChartAxes.DurationLabel(b)) : null;
        var modes = r.FailureModes.Where(m => m.Metrics.TryGetValue(MetricTable.Rto.Key, out var d) && d.N > 0).OrderByDescending(m => m.Incidents).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        var series = new List<CdfSeries> { new("all incidents", r.Of(MetricTable.Rto.Key).Cdf, Emphasised: true) };
        series.AddRange(modes.Take(7).Select(m => new CdfSeries(m.Label, m.Metrics[MetricTable.Rto.Key].Cdf)));
        var chart = CdfChart.Render(id + "client_rto_cdf", new CdfChartData("Client RTO by failure mode", "client RTO", ChartQuantity.Seconds, series, budget));
        var table = new DataTable("Client RTO by failure mode", ["failure mode", ">per year", ">n", ">p50", ">p99", $">p99 {Level(r.Level)} CI", ">max"],
        [
            .. new[] { ("all incidents", r.IncidentsPerYear, r.Of(MetricTable.Rto.Key)) }.Concat(modes.Select(m => (m.Label, m.IncidentsPerYear, m.Metrics[MetricTable.Rto.Key])))
                .Select(x => (IReadOnlyList<string>)[x.Item1, Number(x.Item2.Value), Count(x.Item3.N), Seconds(x.Item3.P50.Value), Seconds(x.Item3.P99.Value), Interval(x.Item3.P99, Seconds), Seconds(x.Item3.Max)]),
        ]);
        string note = "Read across from a budget to see what share of incidents recover within it; the vertical axis is stretched towards 100% so the slowest 1% and 0.1% stay visible."
            + (modes.Count > 7 ? $" The chart shows the 7 most frequent of {modes.Count} failure modes; the table lists all." : "");
        var overall = new DataTable("Every per-incident figure, all failure modes", ["figure", ">n", ">mean", ">p50", ">p90", ">p99", ">p99.9", ">max"],
        [
            .. MetricTable.IncidentFigures.Where(m => r.Overall.ContainsKey(m.Key)).Select(m =>
            {
                var d = r.Overall[m.Key];
                return (IReadOnlyList<string>)[m.Label, Count(d.N), Metric(m.Key, d.Mean.Value), Metric(m.Key, d.P50.Value), Metric(m.Key, d.P90.Value), Metric(m.Key, d.P99.Value), Metric(m.Key, d.P999.Value), Metric(m.Key, d.Max)];
            }),
        ]);
        return [new ChartBlock(chart, table, note), overall];
    }

    private static List<ReportBlock> DataLoss(MonteCarloResult r, string id)
    {
        var rpo = r.Of(MetricTable.RpoSeconds.Key);
        if (rpo.N == 0 || !(rpo.Max > 0))
        {
            return [new Paragraph($"No incident lost committed data ({Count(rpo.N)} incidents).")];
        }

        var losing = r.FailureModes.Where(m => m.Metrics.TryGetValue(MetricTable.RpoSeconds.Key, out var d) && d.Max > 0).ToList();
        var series = new List<CdfSeries> { new("all incidents", rpo.Cdf, Emphasised: true) };
        series.AddRange(losing.Take(7).Select(m => new CdfSeries(m.Label, m.Metrics[MetricTable.RpoSeconds.Key].Cdf)));
        var chart = CdfChart.Render(id + "rpo_cdf", new CdfChartData("Committed data lost per incident (RPO, seconds of commits)", "RPO time", ChartQuantity.Seconds, series));
        var table = new DataTable("Failure modes that lost data", ["failure mode", ">incidents", ">losing data", ">RPO p99", ">worst RPO", ">worst RPO bytes"],
        [
            .. losing.Select(m =>
            {
                var d = m.Metrics[MetricTable.RpoSeconds.Key];
                var bytes = m.Metrics.TryGetValue(MetricTable.RpoBytes.Key, out var b) ? b : MonteCarloResult.FileDistributionEmpty;
                return (IReadOnlyList<string>)[m.Label, Count(d.N), Share(LosingShare(d)), Seconds(d.P99.Value), Seconds(d.Max), Bytes(bytes.Max)];
            }),
        ]);
        return [new ChartBlock(chart, table, "Incidents that lost nothing are drawn at 0 on the left; the share losing data is read off where each line leaves 0.")];
    }

    /// <summary>The share of incidents with a loss: 1 − the share at zero (exact, from the first point of the distribution function).</summary>
    private static double? LosingShare(FileDistribution d) => d.Cdf.Count == 0 ? null : d.Cdf[0].Value <= 0 ? 1 - d.Cdf[0].Probability : 1;

    private static List<ReportBlock> Monthly(MonteCarloResult r, string id)
    {
        var m = r.Monthly;
        var chart = UptimeHistogramChart.Render(id + "monthly_uptime", new UptimeHistogramData("Monthly uptime", [new UptimeHistogramSeries(r.Name, m.Histogram, m.SlaTarget)]));
        var table = new DataTable($"{Count(m.Months)} months of {Number(m.MonthSeconds / 86400, "0.###")} days", ["measure", ">estimate", $">{Level(r.Level)} CI"],
        [
            ["months missing the SLA", Share(m.SlaMiss.Value), Interval(m.SlaMiss, Share)],
            ["mean uptime", Uptime(m.MeanUptime.Value), Interval(m.MeanUptime, Uptime)],
            ["1 month in 10 below", Uptime(m.UptimeP10.Value), Interval(m.UptimeP10, Uptime)],
            ["1 month in 100 below", Uptime(m.UptimeP1.Value), Interval(m.UptimeP1, Uptime)],
            ["1 month in 1,000 below", Uptime(m.UptimeP01.Value), Interval(m.UptimeP01, Uptime)],
            ["worst month", Uptime(m.MinUptime), ""],
            ["expected credit per month", Share(m.ExpectedCredit.Value), Interval(m.ExpectedCredit, Share)],
        ]);
        var blocks = new List<ReportBlock> { new ChartBlock(chart, table, $"SLA target {Uptime(m.SlaTarget)} of each month. Months without any downtime are the rightmost bar; bars left of the dashed line miss the SLA.") };
        blocks.Add(new DataTable("Months per uptime band", ["uptime", ">months", ">share"],
            [.. m.Histogram.Select((b, k) => (IReadOnlyList<string>)[BandName(b), Count(m.HistogramMonths[k]), Share(b.Share)])]));
        if (m.Tiers.Count > 0)
        {
            blocks.Add(new DataTable("Service credit tiers", ["month's uptime", ">credit", ">P(month)", $">{Level(r.Level)} CI"],
                [.. m.Tiers.Select(t => (IReadOnlyList<string>)["below " + Uptime(t.UptimeBelow), Share(t.Credit), Share(t.Probability.Value), Interval(t.Probability, Share)])]));
        }

        return blocks;
    }

    /// <summary>A histogram bin in words: "100% (no downtime)", "99.95% to 99.99%", "below 90%".</summary>
    public static string BandName(UptimeBin b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return b.Below is null ? "100% (no downtime)" : b.AtLeast <= 0 ? "below " + Uptime(b.Below) : $"{Uptime(b.AtLeast)} to {Uptime(b.Below)}";
    }

    private static List<ReportBlock> Causes(MonteCarloResult r, string id)
    {
        var blocks = new List<ReportBlock>();
        var modes = r.FailureModes.Where(m => m.DowntimeMinutesPerYear.Value > 0).ToList();
        if (modes.Count == 0)
        {
            return [new Paragraph("No downtime.")];
        }

        var byMode = ParetoChart.Render(id + "downtime_by_failure_mode", new ParetoChartData("Downtime by failure mode", "client downtime, minutes per year",
            [.. modes.Select(m => new ParetoItem(m.Label, m.DowntimeMinutesPerYear.Value ?? 0, m.DowntimeMinutesPerYear.Lower, m.DowntimeMinutesPerYear.Upper, m.DowntimeShare ?? 0))], Cumulative: true));
        blocks.Add(new ChartBlock(byMode, new DataTable("Downtime by failure mode", ["failure mode", ">min/year", $">{Level(r.Level)} CI", ">share"],
            [.. modes.OrderByDescending(m => m.DowntimeShare).ThenBy(m => m.Name, StringComparer.Ordinal)
                .Select(m => (IReadOnlyList<string>)[m.Label, Minutes(m.DowntimeMinutesPerYear.Value), Interval(m.DowntimeMinutesPerYear, Minutes), Share(m.DowntimeShare)])]),
            "Overlapping incidents count once, for the earlier one, so the shares add up to 100%. Bars show the interval of each figure."));
        var stages = r.Stages.Where(s => s.MinutesPerYear.Value > 0).ToList();
        if (stages.Count > 0)
        {
            var byStage = ParetoChart.Render(id + "downtime_by_stage", new ParetoChartData("Downtime by recovery stage", "stage time within client downtime, minutes per year",
                [.. stages.Select(s => new ParetoItem(s.Label, s.MinutesPerYear.Value ?? 0, s.MinutesPerYear.Lower, s.MinutesPerYear.Upper, s.Share ?? 0))], Cumulative: false));
            blocks.Add(new ChartBlock(byStage, new DataTable("Recovery stages", ["stage", ">runs", ">mean", ">p99", ">min/year", ">share"],
                [.. stages.OrderByDescending(s => s.Share).ThenBy(s => s.Name, StringComparer.Ordinal)
                    .Select(s => (IReadOnlyList<string>)[s.Label, Count(s.Occurrences), Seconds(s.Duration.Mean.Value), Seconds(s.Duration.P99.Value), Minutes(s.MinutesPerYear.Value), Share(s.Share)])]),
                "Stages can run at the same time (detection in parallel, pageserver failover while compute moves), so their shares can add up to more than 100%."));
        }

        return blocks;
    }

    private static DataTable DegradedTable(MonteCarloResult r) =>
        new("Service up but degraded (not counted as downtime)", ["kind", ">intervals", ">hours/year", $">{Level(r.Level)} CI", ">share of time"],
            [.. r.Degraded.Select(d => (IReadOnlyList<string>)[d.Label, Count(d.Intervals), Number(d.HoursPerYear.Value, "0.##"), Interval(d.HoursPerYear, x => Number(x, "0.##")), Share(d.ShareOfTime)])]);
}
