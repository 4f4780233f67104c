using System.Text.RegularExpressions;
using HaSim.Reports.Pages;

namespace HaSim.Reports.Tests;

/// <summary>What <c>hasim report</c> writes for each kind of results folder.</summary>
[Collection(ReportResultsCollection.Name)]
public sealed partial class ReportPageTests(ReportResults results)
{
    [Fact]
    public void AMonteCarloReportHasEveryChartItsDataCallsFor()
    {
        var files = results.MonteCarloReport;
        Assert.Equal(ResultsKind.MonteCarlo, files.Kind);
        string html = File.ReadAllText(files.Html);
        // Client RTO, data loss (aiven-startup restores from snapshots), monthly uptime, downtime by failure mode and by stage.
        Assert.Equal(["client_rto_cdf", "rpo_cdf", "monthly_uptime", "downtime_by_failure_mode", "downtime_by_stage"], ChartIds(html));
        Assert.Equal(5, files.Charts);
        Assert.Contains("budget 2 min", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AScriptedReportHasTheTimelineAndOneChartPerIncident()
    {
        string html = File.ReadAllText(results.ScriptedReport.Html);
        Assert.Equal(["timeline", "incident_1"], ChartIds(html));
        Assert.Contains("RTO budget 2 min", html, StringComparison.Ordinal);
        Assert.Contains("expected server RTO", html, StringComparison.Ordinal); // the scenario's own expectation, drawn on the incident
        Assert.Contains("3 of 3 met", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AComparisonReportPutsTheScenariosOnSharedChartsThenEachInFull()
    {
        var ids = ChartIds(File.ReadAllText(results.ComparisonReport.Html));
        Assert.Equal(["compare_client_rto_cdf", "compare_client_rto_cdf_az_outage"], ids.Take(2));
        Assert.Contains("compare_monthly_uptime", ids);
        Assert.Contains("compare_downtime", ids);
        Assert.Contains("s1_client_rto_cdf", ids);
        Assert.Contains("s2_monthly_uptime", ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void ASweepReportDrawsEachFigureAndTheCostWithTheChosenPoint()
    {
        Assert.Equal(ResultsKind.Sweep, results.SweepReport.Kind);
        Assert.Equal(2, results.SweepReport.Charts); // the goal's figure across the sweep, and the cost
        string html = File.ReadAllText(results.SweepReport.Html);
        Assert.Contains("compute.spare_slots_per_az=8 (chosen)", html, StringComparison.Ordinal);
        Assert.Contains("example prices, not vendor quotes", html, StringComparison.Ordinal);
        Assert.Contains("goal max client_rto &lt;= 4 min", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AFleetReportShowsTheRecoveryCurveTheTimesToRecoverTheRtosAndThePools()
    {
        var files = results.FleetReport;
        Assert.Equal(ResultsKind.Fleet, files.Kind);
        string html = File.ReadAllText(files.Html);
        Assert.Equal(["recovery_curve_az_outage", "fleet_rto_cdf"], ChartIds(html));
        var fleet = FleetResult.Parse("fleet-summary.json", File.ReadAllText(Path.Combine(results.Fleet, "fleet-summary.json")));
        Assert.Equal((30L, 3L, "timeline"), (fleet.Databases, fleet.Replications, fleet.Kind));
        var az = Assert.Single(fleet.Events, e => e.Kind == "az_outage");
        Assert.Equal(3, az.Events);

        // az-1 holds a third of each group (round-robin over three zones): 8 + 2 databases per outage.
        Assert.Equal(10, az.Affected.Mean.Value);
        Assert.Equal([0.5, 0.9, 0.99, 1.0], az.TimeTo.Select(t => t.Share));
        Assert.True(az.TimeTo.Zip(az.TimeTo.Skip(1)).All(p => p.First.Seconds.Mean.Value <= p.Second.Seconds.Mean.Value), "a larger share is back no sooner");
        foreach (var t in az.TimeTo)
        {
            // Each time to x% back is in the table with its interval over the three outages.
            Assert.Contains($"<td class=\"num\">{PageFormatSeconds(t.Seconds.Mean.Value)}</td><td class=\"num\">{PageFormatSeconds(t.Seconds.Mean.Lower)} .. {PageFormatSeconds(t.Seconds.Mean.Upper)}</td>", html, StringComparison.Ordinal);
        }

        Assert.Equal(30, az.Rto.N); // every affected database of every outage has an RTO
        Assert.Equal(az.TimeTo[^1].Seconds.Max!.Value, az.Rto.Max!.Value, 6); // the last database back sets both
        foreach (var pool in fleet.Pools)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(pool.Label), html, StringComparison.Ordinal);
        }

        Assert.Contains("most databases down at once", html, StringComparison.Ordinal);
        Assert.Contains("hasim.fleet/1", html, StringComparison.Ordinal);
    }

    private static string PageFormatSeconds(double? s) => s is { } x ? HaSim.Model.Parameters.Units.FormatSeconds(x) : "–";

    [Fact]
    public void TheMarkdownTwinLinksOnePngPerChart()
    {
        foreach (var files in results.All)
        {
            string md = File.ReadAllText(files.Markdown);
            var links = MarkdownImage().Matches(md).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(files.Charts, links.Count);
            foreach (string link in links)
            {
                string png = Path.Combine(Path.GetDirectoryName(files.Markdown)!, link);
                ImageStats.Of(File.ReadAllBytes(png)).AssertNotBlank(link);
            }

            Assert.Equal(links.Count + 1, Directory.GetFiles(Path.GetDirectoryName(files.Markdown)!).Length);
        }
    }

    [Fact]
    public void TheHtmlNeedsNothingFromOutsideTheFile()
    {
        foreach (var files in results.All)
        {
            string html = File.ReadAllText(files.Html);
            Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
            // The only URLs are XML namespaces.
            Assert.All(Url().Matches(html).Select(m => m.Value), u => Assert.StartsWith("http://www.w3.org/", u, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EveryChartHasAnAccessibleNameAndElementIdsAreUnique()
    {
        foreach (var files in results.All)
        {
            string html = File.ReadAllText(files.Html);
            int svgs = Regex.Count(html, "<svg ");
            Assert.Equal(files.Charts, svgs);
            Assert.Equal(svgs, Regex.Count(html, "role=\"img\" aria-labelledby="));
            Assert.Equal(svgs, Regex.Count(html, "<desc id="));
            var ids = IdAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            foreach (Match reference in UrlReference().Matches(html))
            {
                Assert.Contains(reference.Groups[1].Value, ids);
            }
        }
    }

    [Fact]
    public void TheSameResultsGiveTheSameReport()
    {
        string again = Path.Combine(results.Root, "again");
        var files = ResultsReport.Write(results.MonteCarlo, results.Options, again);
        Assert.Equal(File.ReadAllBytes(results.MonteCarloReport.Html), File.ReadAllBytes(files.Html));
        Assert.Equal(File.ReadAllBytes(results.MonteCarloReport.Markdown), File.ReadAllBytes(files.Markdown));
    }

    [Fact]
    public void RewritingAReportLeavesNoTemporaryFiles()
    {
        ResultsReport.Write(results.Scripted, results.Options);
        Assert.Empty(Directory.EnumerateFileSystemEntries(results.Scripted, ".*", SearchOption.AllDirectories));
    }

    [Fact]
    public void TheKeyFiguresAreTheSummarysFigures()
    {
        var summary = MonteCarloResult.Parse("summary.json", File.ReadAllText(Path.Combine(results.MonteCarlo, "summary.json")));
        string html = File.ReadAllText(results.MonteCarloReport.Html);
        Assert.Contains($"<div class=\"value\">{(summary.Availability.Value!.Value * 100).ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture)}%</div>", html, StringComparison.Ordinal);
        Assert.Contains($"{summary.Replications} replications of 5 years each", html.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(summary.Monthly.Months, summary.Monthly.HistogramMonths.Sum());
    }

    [Fact]
    public void AFolderWithoutResultsIsNamedInTheError()
    {
        string empty = Path.Combine(results.Root, "empty");
        Directory.CreateDirectory(empty);
        var e = Assert.Throws<ReportInputException>(() => ResultsReport.Build(empty, ReportOptions.None));
        Assert.Contains(empty, e.Message, StringComparison.Ordinal);
        Assert.Contains("summary.json", e.Message, StringComparison.Ordinal);
        Assert.Throws<ReportInputException>(() => ResultsReport.Build(Path.Combine(results.Root, "missing"), ReportOptions.None));
    }

    [Fact]
    public void AShardOrAnOlderSummaryIsRefusedWithWhatToDo()
    {
        string shard = Path.Combine(results.Root, "shard");
        Directory.CreateDirectory(shard);
        File.WriteAllText(Path.Combine(shard, "partial.json"), "{}");
        Assert.Contains("hasim merge", Assert.Throws<ReportInputException>(() => ResultsReport.Build(shard, ReportOptions.None)).Message, StringComparison.Ordinal);

        string old = Path.Combine(results.Root, "old");
        Directory.CreateDirectory(old);
        File.WriteAllText(Path.Combine(old, "summary.json"), File.ReadAllText(Path.Combine(results.MonteCarlo, "summary.json")).Replace("hasim.monte-carlo/3", "hasim.monte-carlo/2", StringComparison.Ordinal));
        var e = Assert.Throws<ReportInputException>(() => ResultsReport.Build(old, ReportOptions.None));
        Assert.Contains("hasim.monte-carlo/2", e.Message, StringComparison.Ordinal);
        Assert.Contains("re-run", e.Message, StringComparison.Ordinal);

        string broken = Path.Combine(results.Root, "broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "summary.json"), File.ReadAllText(Path.Combine(results.MonteCarlo, "summary.json")).Replace("\"uptime_histogram\"", "\"uptime_histogran\"", StringComparison.Ordinal));
        Assert.Contains("monthly.uptime_histogram: missing", Assert.Throws<ReportInputException>(() => ResultsReport.Build(broken, ReportOptions.None)).Message, StringComparison.Ordinal);
    }

    private static List<string> ChartIds(string html) => [.. DataChart().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("data-chart=\"([^\"]+)\"")]
    private static partial Regex DataChart();

    [GeneratedRegex(@"!\[[^\]]*\]\(([^)]+\.png)\)")]
    private static partial Regex MarkdownImage();

    [GeneratedRegex("https?://[^\"' )]+")]
    private static partial Regex Url();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();
}
