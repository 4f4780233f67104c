using System.Globalization;
using HaSim.Model.Metrics;
using HaSim.Model.Parameters;
using HaSim.Reports.Charts;

namespace HaSim.Reports.Pages;

/// <summary>How report pages write numbers: units, intervals and sample sizes, invariant culture.</summary>
internal static class PageFormat
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Seconds(double? s) => s is { } x ? Units.FormatSeconds(x) : "–";

    public static string Bytes(double? b) => b is { } x ? Units.FormatBytes(x) : "–";

    public static string Uptime(double? f) => f is { } x ? ChartAxes.Uptime(x) : "–";

    public static string Share(double? f) => f is { } x ? ChartAxes.Percent(x) : "–";

    public static string Number(double? x, string format = "0.###") => x is { } v ? v.ToString(format, C) : "–";

    public static string Count(long n) => n.ToString("#,0", C);

    public static string Minutes(double? m) => m is { } x ? x.ToString(x < 10 ? "0.00" : "0.0", C) + " min" : "–";

    public static string Clock(double? s) => s is { } x ? Units.FormatClock(x) : "–";

    /// <summary>A value of <paramref name="metric"/> in its unit.</summary>
    public static string Metric(string metric, double? value) => (MetricTable.All.ByKey(metric)?.Unit ?? MetricUnit.Seconds) switch
    {
        MetricUnit.Bytes => Bytes(value),
        MetricUnit.Count => Number(value, "0.##"),
        _ => Seconds(value),
    };

    /// <summary>"a .. b" for an estimate's interval ("–" if it has none; "∞" for an unbounded side).</summary>
    public static string Interval(FileEstimate e, Func<double?, string> format) =>
        e.Lower is null && e.Upper is null ? "–" : $"{(e.Lower is null ? "–∞" : format(e.Lower))} .. {(e.Upper is null ? "∞" : format(e.Upper))}";

    /// <summary>"95% CI a .. b, n = N" for a key figure's detail line.</summary>
    public static string Detail(FileEstimate e, double level, Func<double?, string> format) =>
        $"{Level(level)} CI {Interval(e, format)}, n = {Count(e.N)}";

    public static string Level(double level) => (level * 100).ToString("0.#", C) + "%";

    /// <summary>A heading's anchor: the key made safe for an id.</summary>
    public static string Anchor(string text) => new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_')]);
}
