using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace HaSim.Reports.Charts;

/// <summary>
/// Axis scales and ticks in the domain's units: durations and sizes on logarithmic axes (the data are
/// plotted as log10 of the value), probabilities on a "nines" axis that stretches the tail.
/// </summary>
internal static class ChartAxes
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Round durations for ticks, in seconds.</summary>
    private static readonly double[] DurationTicks =
    [
        0.001, 0.01, 0.1, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 4 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400, 30 * 86400,
    ];

    /// <summary>The position of <paramref name="value"/> on a log axis whose zero is drawn at <paramref name="zeroAt"/>.</summary>
    public static double Log(double value, double zeroAt) => value > 0 ? Math.Log10(value) : zeroAt;

    /// <summary>Ticks for a log axis from <paramref name="min"/> to <paramref name="max"/> (positive values), with "0" at <paramref name="zeroAt"/> if given.</summary>
    public static NumericManual LogTicks(ChartQuantity quantity, double min, double max, double? zeroAt)
    {
        var ticks = new NumericManual();
        var candidates = quantity == ChartQuantity.Seconds
            ? DurationTicks
            : Enumerable.Range(0, 21).Select(k => Math.Pow(4, k)).ToArray(); // 1 B, 4 B, ... 1 TiB
        var inRange = candidates.Where(v => v >= min / 1.0001 && v <= max * 1.0001).ToList();
        if (inRange.Count < 2)
        {
            inRange = [.. candidates.OrderBy(v => Math.Abs(Math.Log10(v) - Math.Log10(Math.Sqrt(min * max)))).Take(2).OrderBy(v => v)];
        }

        int step = (int)Math.Ceiling(inRange.Count / 8.0);
        for (int k = 0; k < inRange.Count; k += step)
        {
            ticks.AddMajor(Math.Log10(inRange[k]), quantity == ChartQuantity.Seconds ? DurationLabel(inRange[k]) : ByteLabel(inRange[k]));
        }

        if (zeroAt is { } z)
        {
            ticks.AddMajor(z, "0");
        }

        return ticks;
    }

    /// <summary>A short duration label: "500 ms", "30 s", "2 min", "1 h", "2 d".</summary>
    public static string DurationLabel(double seconds) => seconds switch
    {
        < 1 => (seconds * 1000).ToString("0.###", C) + " ms",
        < 60 => seconds.ToString("0.##", C) + " s",
        < 3600 => (seconds / 60).ToString("0.##", C) + " min",
        < 86400 => (seconds / 3600).ToString("0.##", C) + " h",
        _ => (seconds / 86400).ToString("0.##", C) + " d",
    };

    /// <summary>A short byte label with a binary prefix.</summary>
    public static string ByteLabel(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        int u = 0;
        while (bytes >= 1024 && u < units.Length - 1)
        {
            bytes /= 1024;
            u++;
        }

        return bytes.ToString("0.##", C) + " " + units[u];
    }

    /// <summary>A label for a value of <paramref name="quantity"/>.</summary>
    public static string Label(ChartQuantity quantity, double value) => quantity == ChartQuantity.Seconds ? DurationLabel(value) : ByteLabel(value);

    /// <summary>Probability p drawn as its "nines", −log10(1 − p), so 90%, 99% and 99.9% are evenly spaced.</summary>
    public static double Nines(double p, double top) => p >= 1 ? top : Math.Min(top, -Math.Log10(1 - p));

    /// <summary>Ticks of a nines axis up to <paramref name="top"/> (where p = 1 is drawn).</summary>
    public static NumericManual NinesTicks(double top)
    {
        var ticks = new NumericManual();
        foreach (var (p, label) in new[] { (0.0, "0%"), (0.5, "50%"), (0.9, "90%"), (0.99, "99%"), (0.999, "99.9%"), (0.9999, "99.99%") })
        {
            double y = -Math.Log10(1 - p);
            if (y < top - 0.3)
            {
                ticks.AddMajor(y, label);
            }
        }

        ticks.AddMajor(top, "100%");
        return ticks;
    }

    /// <summary>A percentage label for a fraction, with as many decimals as it needs (up to 4).</summary>
    public static string Percent(double fraction)
    {
        double pct = fraction * 100;
        return pct.ToString(pct >= 10 || pct == 0 ? "0.#" : pct >= 1 ? "0.##" : pct >= 0.01 ? "0.###" : "0.#####", C) + "%";
    }

    /// <summary>An uptime or availability as a percentage with the nines it needs: "99.95%", "99.999%".</summary>
    public static string Uptime(double fraction) => (fraction * 100).ToString("0.#####", C) + "%";

    /// <summary>Ticks at powers of ten of a share (1 = 100%), for a log share axis from 10^<paramref name="low"/> to 1.</summary>
    public static NumericManual LogShareTicks(int low)
    {
        var ticks = new NumericManual();
        for (int e = low; e <= 0; e++)
        {
            ticks.AddMajor(e, Percent(Math.Pow(10, e)));
        }

        return ticks;
    }

    /// <summary>Clock ticks ("0:10:00") from <paramref name="from"/> to <paramref name="to"/> seconds, at a round step giving at most about 8 ticks.</summary>
    public static NumericManual ClockTicks(double from, double to)
    {
        double[] steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400];
        double step = steps.FirstOrDefault(s => (to - from) / s <= 8, steps[^1]);
        var ticks = new NumericManual();
        for (double t = Math.Ceiling(from / step) * step; t <= to; t += step)
        {
            ticks.AddMajor(t, Clock(t, step < 1));
        }

        return ticks;
    }

    /// <summary>A clock time "h:mm:ss" (with tenths if asked).</summary>
    public static string Clock(double seconds, bool tenths = false)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        string clock = $"{(long)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}";
        return tenths ? clock + "." + (t.Milliseconds / 100).ToString(C) : clock;
    }

    /// <summary>A legend beside the data, where it cannot hide a line.</summary>
    public static void LegendRight(Plot plot)
    {
        // An empty legend panel stops ScottPlot drawing anything at all.
        if (!plot.GetPlottables().SelectMany(p => p.LegendItems).Any(i => !string.IsNullOrEmpty(i.LabelText)))
        {
            return;
        }

        plot.Legend.FontSize = 12;
        plot.Legend.OutlineColor = ChartTheme.Muted;
        plot.ShowLegend(Edge.Right);
    }

    /// <summary>Styles a legend the same way everywhere.</summary>
    public static void Legend(Plot plot, Alignment alignment)
    {
        var legend = plot.ShowLegend(alignment);
        legend.FontSize = 12;
        legend.OutlineColor = ChartTheme.Muted;
        legend.BackgroundColor = Colors.White.WithAlpha(0.9);
    }
}
