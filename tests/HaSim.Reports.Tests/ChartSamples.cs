using HaSim.Analysis.Statistics;
using HaSim.Reports.Charts;

namespace HaSim.Reports.Tests;

/// <summary>Small synthetic data for every chart type, so each renderer is exercised before the features that feed it exist.</summary>
internal static class ChartSamples
{
    public static IReadOnlyList<CdfPoint> LogNormalCdf(double median, double sigma, int n, int seed)
    {
        var random = new Random(seed);
        var sketch = new QuantileSketch();
        for (int i = 0; i < n; i++)
        {
            double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            sketch.Add(median * Math.Exp(sigma * z));
        }

        return sketch.CdfPoints(EmpiricalCdf.ReportProbabilities);
    }

    public static IEnumerable<(string Name, RenderedChart Chart)> All()
    {
        yield return ("cdf", CdfChart.Render("cdf", new CdfChartData("Client RTO", "client RTO", ChartQuantity.Seconds,
            [new CdfSeries("all incidents", LogNormalCdf(60, 1, 5000, 1), true), new CdfSeries("VM failure", LogNormalCdf(40, 0.5, 3000, 2)), new CdfSeries("AZ outage", LogNormalCdf(300, 0.7, 200, 3))],
            new ChartThreshold(120, "budget 2 min"))));
        yield return ("cdf_bytes_with_zeros", CdfChart.Render("cdf_bytes", new CdfChartData("RPO", "RPO", ChartQuantity.Bytes,
            [new CdfSeries("all incidents", [new CdfPoint(0, 0.9), new CdfPoint(4096, 0.95), new CdfPoint(1 << 20, 0.99), new CdfPoint(16 << 20, 1)])])));
        yield return ("uptime_histogram", UptimeHistogramChart.Render("uptime", new UptimeHistogramData("Monthly uptime", [new UptimeHistogramSeries("serverless", Bins(0.33), 0.9995)])));
        yield return ("uptime_histogram_grouped", UptimeHistogramChart.Render("uptime2", new UptimeHistogramData("Monthly uptime",
            [new UptimeHistogramSeries("a", Bins(0.33), 0.9995), new UptimeHistogramSeries("b", Bins(0.6), 0.9999)])));
        yield return ("pareto", ParetoChart.Render("pareto", new ParetoChartData("Downtime by failure mode", "minutes per year",
            [new ParetoItem("VM failure", 12.5, 12.1, 12.9, 0.5), new ParetoItem("AZ outage", 8.1, 7.0, 9.2, 0.3), new ParetoItem("region outage", 5, 2, 9, 0.2)], true)));
        yield return ("timeline", TimelineChart.Render("timeline", new TimelineChartData("Timeline",
        [
            new TimelineLane("az-1", [new TimelineSpan(600, 4200, SpanKind.Down)], [600]),
            new TimelineLane("clients connected", [new TimelineSpan(600, 671, SpanKind.Down)], []),
            new TimelineLane("reschedule compute", [new TimelineSpan(641, 670, SpanKind.Stage)], []),
            new TimelineLane("promote", [new TimelineSpan(634, 639, SpanKind.Interrupted)], []),
            new TimelineLane("rebuild (background)", [new TimelineSpan(639, 1383, SpanKind.Background)], []),
            new TimelineLane("cold cache", [new TimelineSpan(670, 1068, SpanKind.Degraded)], []),
        ], [new ChartThreshold(720, "RTO budget 2 min")])));
        yield return ("sweep", SweepChart.Render("sweep", new SweepChartData("p99 client RTO against spare slots", "spare slots per zone", "p99 client RTO (s)",
            [new SweepSeries("2,000 endpoints", [.. Enumerable.Range(0, 9).Select(k => new SweepPoint(k * 8, (900.0 / (1 + k)) + 60, (900.0 / (1 + k)) + 40, (900.0 / (1 + k)) + 90))])],
            new ChartThreshold(300, "goal p99 ≤ 5 min"), 24)));
        yield return ("cost", CostChart.Render("cost", new CostChartData("Cost against availability", "USD",
            [new CostPoint("non-HA", 0.9991, 0.9989, 0.9993, 400), new CostPoint("same-zone HA", 0.99985, 0.9998, 0.9999, 800), new CostPoint("zone-redundant HA", 0.99996, 0.99994, 0.99997, 820)],
            0.9999, "zone-redundant HA")));
        yield return ("fleet_recovery", FleetRecoveryChart.Render("fleet", new FleetRecoveryChartData("Databases down after an AZ outage", 667,
            [new FleetRecoverySeries("100 spare slots", [(0, 0), (30, 667), (90, 500), (150, 300), (200, 120), (260, 20), (320, 0)])],
            [new ChartThreshold(150, "50% back"), new ChartThreshold(260, "99% back")])));
    }

    private static List<UptimeBin> Bins(double perfect)
    {
        double[] edges = [1, 0.99999, 0.9999, 0.9995, 0.999, 0.99, 0.9, 0];
        double[] shares = [perfect, 0.3, 0.2, 0.1, 0.001, 0.0001, 0.00001, 0];
        shares[1] = 1 - perfect - shares.Skip(2).Sum();
        return [.. edges.Select((e, k) => new UptimeBin(e, k == 0 ? null : edges[k - 1], shares[k]))];
    }
}
