using HaSim.Model.Metrics;
using HaSim.Reports.Charts;
using HaSim.Reports.Html;
using static HaSim.Reports.Pages.PageFormat;

namespace HaSim.Reports.Pages;

/// <summary>The report of a comparison: the scenarios side by side, their recovery-time distributions and monthly uptime on shared charts, the paired differences, then each scenario in full.</summary>
public static class ComparisonPage
{
    /// <summary>How many failure modes shared by several scenarios get a chart of their own.</summary>
    private const int SharedModeCharts = 4;

    /// <summary>The whole page of <paramref name="c"/>.</summary>
    public static ReportDocument Build(ComparisonResult c, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(options);
        var s = c.Scenarios;
        var sections = new List<ReportSection>
        {
            new("side_by_side", "Side by side", [SideBySide(c)]),
            new("recovery", "Recovery time", Recovery(c, options)),
            new("monthly", "Monthly uptime and the SLA", Monthly(c)),
            new("downtime", "Downtime per year", Downtime(c)),
            new("differences", "Paired differences", Differences(c)),
        };
        foreach (var (scenario, k) in s.Select((x, k) => (x, k)))
        {
            string prefix = $"s{k + 1}";
            var own = MonteCarloPage.Sections(scenario, options, prefix, 2);
            sections.Add(own[0] with { Heading = $"Scenario {k + 1}: {scenario.Name} ({scenario.Preset})" });
            sections.AddRange(own.Skip(1));
        }

        return new ReportDocument($"Comparison of {s.Count} scenarios", [
            ("scenarios", string.Join(", ", s.Select(x => x.Name))), ("replications", $"{Count(c.Replications)} × {Number(c.Years)} years each"),
            ("seed", c.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("random numbers", "common: the same zone, region and component failures hit every scenario"),
            ("intervals", $"{Level(c.Level)} confidence"),
        ], sections);
    }

    private static DataTable SideBySide(ComparisonResult c)
    {
        var s = c.Scenarios;
        IReadOnlyList<string> Row(string measure, Func<MonteCarloResult, string> cell) => [measure, .. s.Select(cell)];
        return new DataTable("Headline figures (intervals in each scenario's section)", ["measure", .. s.Select(x => ">" + x.Name)],
        [
            Row("preset", x => x.Preset),
            Row("availability", x => Uptime(x.Availability.Value)),
            Row("nines", x => Number(x.Nines.Value, "0.00")),
            Row("downtime per year", x => Minutes(x.DowntimeMinutesPerYear.Value)),
            Row("incidents per year", x => Number(x.IncidentsPerYear.Value)),
            Row("client RTO p50", x => Seconds(x.Of(MetricTable.Rto.Key).P50.Value)),
            Row("client RTO p99", x => Seconds(x.Of(MetricTable.Rto.Key).P99.Value)),
            Row("RPO p99", x => Bytes(x.Of(MetricTable.RpoBytes.Key).P99.Value)),
            Row("SLA target", x => Uptime(x.Monthly.SlaTarget)),
            Row("months missing the SLA", x => Share(x.Monthly.SlaMiss.Value)),
            Row("expected credit per month", x => Share(x.Monthly.ExpectedCredit.Value)),
        ]);
    }

    private static List<ReportBlock> Recovery(ComparisonResult c, ReportOptions options)
    {
        var budget = options.BudgetSeconds is { } b ? new ChartThreshold(b, "budget " + ChartAxes.DurationLabel(b)) : null;
        var s = c.Scenarios;
        var blocks = new List<ReportBlock>();
        var chart = CdfChart.Render("compare_client_rto_cdf", new CdfChartData("Client RTO by scenario, all incidents", "client RTO", ChartQuantity.Seconds,
            [.. s.Select(x => new CdfSeries(x.Name, x.Of(MetricTable.Rto.Key).Cdf))], budget));
        blocks.Add(new ChartBlock(chart, new DataTable("Client RTO, all incidents", ["scenario", ">n", ">p50", ">p99", $">p99 {Level(c.Level)} CI", ">max"],
            [.. s.Select(x => x.Of(MetricTable.Rto.Key)).Select((d, k) => (IReadOnlyList<string>)[s[k].Name, Count(d.N), Seconds(d.P50.Value), Seconds(d.P99.Value), Interval(d.P99, Seconds), Seconds(d.Max)])]),
            "Each architecture's incidents differ in kind and number; the charts below compare the failure modes they share."));

        var shared = s.SelectMany(x => x.FailureModes.Where(m => m.Metrics.TryGetValue(MetricTable.Rto.Key, out var d) && d.N > 0).Select(m => m.Name)).GroupBy(n => n, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2).Select(g => g.Key).OrderBy(n => n, StringComparer.Ordinal).Take(SharedModeCharts);
        foreach (string mode in shared)
        {
            var withMode = s.Select(x => (x, m: x.FailureModes.FirstOrDefault(f => f.Name == mode))).Where(p => p.m is not null && p.m.Metrics.ContainsKey(MetricTable.Rto.Key)).ToList();
            string label = withMode[0].m!.Label;
            var modeChart = CdfChart.Render("compare_client_rto_cdf_" + Anchor(mode), new CdfChartData($"Client RTO after {label}", "client RTO", ChartQuantity.Seconds,
                [.. withMode.Select(p => new CdfSeries(p.x.Name, p.m!.Metrics[MetricTable.Rto.Key].Cdf))], budget));
            blocks.Add(new ChartBlock(modeChart, new DataTable($"Client RTO after {label}", ["scenario", ">per year", ">n", ">p50", ">p99", ">max"],
                [.. withMode.Select(p => (IReadOnlyList<string>)[p.x.Name, Number(p.m!.IncidentsPerYear.Value), Count(p.m.Metrics[MetricTable.Rto.Key].N), Seconds(p.m.Metrics[MetricTable.Rto.Key].P50.Value),
                    Seconds(p.m.Metrics[MetricTable.Rto.Key].P99.Value), Seconds(p.m.Metrics[MetricTable.Rto.Key].Max)])])));
        }

        return blocks;
    }

    private static List<ReportBlock> Monthly(ComparisonResult c)
    {
        var s = c.Scenarios;
        // Bins every scenario has (the fixed edges; SLA and credit edges may differ): merge each scenario's finer bins into them exactly.
        var common = s.Select(x => x.Monthly.Histogram.Select(b => b.AtLeast).ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; });
        var series = s.Select(x => new UptimeHistogramSeries(x.Name, Coarsen(x.Monthly.Histogram, common), x.Monthly.SlaTarget)).ToList();
        var chart = UptimeHistogramChart.Render("compare_monthly_uptime", new UptimeHistogramData("Monthly uptime by scenario", series));
        var table = new DataTable("Months missing each scenario's SLA", ["scenario", ">SLA", ">P(month misses)", $">{Level(c.Level)} CI", ">worst month"],
            [.. s.Select(x => (IReadOnlyList<string>)[x.Name, Uptime(x.Monthly.SlaTarget), Share(x.Monthly.SlaMiss.Value), Interval(x.Monthly.SlaMiss, Share), Uptime(x.Monthly.MinUptime)])]);
        return [new ChartBlock(chart, table, "Each dashed line is an SLA; a scenario's bars left of its own SLA line are months that miss it.")];
    }

    /// <summary>Removes the edges not in <paramref name="keep"/>: a bin whose lower edge goes joins the bin below it (bins run from 100% downwards; 0 and 100% are always kept).</summary>
    private static List<UptimeBin> Coarsen(IReadOnlyList<UptimeBin> bins, HashSet<double> keep)
    {
        var result = new List<UptimeBin>();
        double carried = 0;
        double? upper = null;
        foreach (var bin in bins)
        {
            if (keep.Contains(bin.AtLeast) || bin.AtLeast <= 0)
            {
                result.Add(new UptimeBin(bin.AtLeast, upper ?? bin.Below, bin.Share + carried));
                carried = 0;
                upper = null;
            }
            else
            {
                carried += bin.Share;
                upper ??= bin.Below;
            }
        }

        return result;
    }

    private static List<ReportBlock> Downtime(ComparisonResult c)
    {
        var s = c.Scenarios;
        double total = s.Sum(x => x.DowntimeMinutesPerYear.Value ?? 0);
        var chart = ParetoChart.Render("compare_downtime", new ParetoChartData("Client downtime per year by scenario", "client downtime, minutes per year",
            [.. s.Select(x => new ParetoItem(x.Name, x.DowntimeMinutesPerYear.Value ?? 0, x.DowntimeMinutesPerYear.Lower, x.DowntimeMinutesPerYear.Upper, total > 0 ? (x.DowntimeMinutesPerYear.Value ?? 0) / total : 0))],
            Cumulative: false));
        var table = new DataTable("Downtime per year", ["scenario", ">min/year", $">{Level(c.Level)} CI", ">availability"],
            [.. s.Select(x => (IReadOnlyList<string>)[x.Name, Minutes(x.DowntimeMinutesPerYear.Value), Interval(x.DowntimeMinutesPerYear, Minutes), Uptime(x.Availability.Value)])]);
        return [new ChartBlock(chart, table, "Percentages are each scenario's share of the downtime of all scenarios together; each scenario's own section breaks it down by failure mode and stage.")];
    }

    private static List<ReportBlock> Differences(ComparisonResult c)
    {
        var blocks = new List<ReportBlock> { new Paragraph("Second minus first, paired replication by replication (common random numbers), so shared failures cancel; an interval that excludes 0 is a real difference.") };
        foreach (var p in c.Pairs)
        {
            blocks.Add(new DataTable($"{p.Second} minus {p.First}", ["difference", ">estimate", $">{Level(c.Level)} CI", ">n", "paired over"],
            [
                ["availability", Signed(p.Availability.Value, x => Share(x)), Interval(p.Availability, x => Signed(x, y => Share(y))), Count(p.Availability.N), "replications"],
                ["downtime per year", Signed(p.DowntimeMinutesPerYear.Value, Minutes), Interval(p.DowntimeMinutesPerYear, x => Signed(x, Minutes)), Count(p.DowntimeMinutesPerYear.N), "replications"],
                ["P(month misses SLA)", Signed(p.SlaMiss.Value, x => Share(x)), Interval(p.SlaMiss, x => Signed(x, y => Share(y))), Count(p.SlaMiss.N), "replications"],
                ["incidents per year", Signed(p.IncidentsPerYear.Value, x => Number(x)), Interval(p.IncidentsPerYear, x => Signed(x, y => Number(y))), Count(p.IncidentsPerYear.N), "replications"],
                ["client RTO mean", Signed(p.MeanClientRto.Value, Seconds), Interval(p.MeanClientRto, x => Signed(x, Seconds)), Count(p.MeanClientRto.N), "batches"],
                ["client RTO p99", Signed(p.P99ClientRto.Value, Seconds), Interval(p.P99ClientRto, x => Signed(x, Seconds)), Count(p.P99ClientRto.N), "batches"],
            ]));
        }

        return blocks;
    }

    private static string Signed(double? x, Func<double?, string> format) => x is not { } v ? "–" : v > 0 ? "+" + format(v) : v < 0 ? "−" + format(-v) : format(v);
}
