using ScottPlot;

namespace HaSim.Reports.Charts;

/// <summary>One bin of a monthly uptime histogram: months with <see cref="AtLeast"/> ≤ uptime &lt; <see cref="Below"/>.</summary>
/// <param name="AtLeast">Lower uptime edge, a fraction (1 for the months without downtime).</param>
/// <param name="Below">Upper uptime edge (exclusive), or null for the months without downtime.</param>
/// <param name="Share">The share of months in the bin.</param>
public sealed record UptimeBin(double AtLeast, double? Below, double Share);

/// <summary>One scenario's monthly uptime histogram.</summary>
/// <param name="Label">The legend text.</param>
/// <param name="Bins">Its bins, from the months without downtime downwards; every series of a chart has the same bins.</param>
/// <param name="SlaTarget">The monthly uptime its SLA promises, drawn as a line, if any.</param>
public sealed record UptimeHistogramSeries(string Label, IReadOnlyList<UptimeBin> Bins, double? SlaTarget);

/// <summary>What a monthly uptime histogram shows.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Series">One or more scenarios, drawn as grouped bars.</param>
public sealed record UptimeHistogramData(string Title, IReadOnlyList<UptimeHistogramSeries> Series);

/// <summary>
/// The share of months in each uptime band, worst on the left, on a logarithmic share axis so that
/// the rare bad months show; bars below the SLA are drawn in the warning colour when there is one series.
/// </summary>
public static class UptimeHistogramChart
{
    /// <summary>Draws <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The series have different bins, or none.</exception>
    public static RenderedChart Render(string id, UptimeHistogramData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Series.Count == 0 || data.Series.Any(s => s.Bins.Count == 0 || !SameEdges(s.Bins, data.Series[0].Bins)))
        {
            throw new ArgumentException("Every series needs the same, non-empty bins.", nameof(data));
        }

        // Worst on the left: reverse the bins (they come from 100% downwards).
        var edges = data.Series[0].Bins.Reverse().ToList();
        int bins = edges.Count, groups = data.Series.Count;
        double smallest = data.Series.SelectMany(s => s.Bins).Select(b => b.Share).Where(x => x > 0).DefaultIfEmpty(1).Min();
        int low = Math.Min(-1, (int)Math.Floor(Math.Log10(smallest)));
        double width = 0.8 / groups;

        var plot = ChartTheme.NewPlot();
        for (int g = 0; g < groups; g++)
        {
            var s = data.Series[g];
            var reversed = s.Bins.Reverse().ToList();
            var bars = new List<Bar>();
            for (int k = 0; k < bins; k++)
            {
                var bin = reversed[k];
                if (bin.Share <= 0)
                {
                    continue;
                }

                bool belowSla = s.SlaTarget is { } target && bin.AtLeast < target - 1e-12;
                var color = groups == 1 ? (belowSla ? ChartTheme.Bad : ChartTheme.Good) : ChartTheme.SeriesColor(g);
                bars.Add(new Bar
                {
                    Position = k - 0.4 + (width * (g + 0.5)),
                    Value = Math.Log10(bin.Share),
                    ValueBase = low,
                    Size = width * 0.92,
                    FillColor = color,
                    LineWidth = 0,
                });
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = groups == 1 ? "" : s.Label;
        }

        var targets = data.Series.Select(s => s.SlaTarget).OfType<double>().Distinct().ToList();
        for (int t = 0; t < targets.Count; t++)
        {
            double x = Boundary(edges, targets[t]);
            var v = plot.Add.VerticalLine(x, 2, ChartTheme.Line, LinePattern.Dashed);
            // Labels go left of their line (where the rare bad months are) and step down, so neighbouring SLA lines stay readable.
            var label = plot.Add.Text("SLA " + ChartAxes.Uptime(targets[t]), x, 0.1 - (0.45 * t));
            label.LabelFontSize = 12;
            label.LabelBold = true;
            label.LabelFontColor = Colors.White;
            label.LabelBackgroundColor = ChartTheme.Line;
            label.LabelAlignment = Alignment.UpperRight;
            label.OffsetX = -3;
            v.ExcludeFromLegend = true;
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int k = 0; k < bins; k++)
        {
            ticks.AddMajor(k, BinLabel(edges[k]));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.TickLabelStyle.Rotation = -40;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 90;
        plot.Axes.Left.TickGenerator = ChartAxes.LogShareTicks(low);
        plot.Axes.SetLimits(-0.6, bins - 0.4, low, 0.15);
        plot.XLabel("monthly uptime");
        plot.YLabel("share of months (log scale)");
        if (groups > 1)
        {
            ChartAxes.Legend(plot, Alignment.UpperLeft);
        }

        string sla = string.Join(", ", data.Series.Where(s => s.SlaTarget is not null).Select(s => $"{s.Label}: SLA {ChartAxes.Uptime(s.SlaTarget!.Value)}"));
        string description = $"{data.Title}: the share of months in each band of uptime, from the worst band on the left to months without downtime on the right, on a logarithmic scale"
            + (sla.Length > 0 ? $"; a dashed line marks the SLA ({sla}), bars left of it are months that miss it." : ".");
        return ChartTheme.Render(plot, id, data.Title, description);
    }

    /// <summary>"100%" for the months without downtime, "&lt;90%" for the lowest bin, else the lower edge "≥99.95%".</summary>
    public static string BinLabel(UptimeBin bin)
    {
        ArgumentNullException.ThrowIfNull(bin);
        return bin.Below is null ? "100%" : bin.AtLeast <= 0 ? "<" + ChartAxes.Uptime(bin.Below.Value) : "≥" + ChartAxes.Uptime(bin.AtLeast);
    }

    /// <summary>Where the SLA line goes: the boundary between the bin starting at the target and the one below it; interpolated between boundaries (in nines) if the target is not an edge.</summary>
    private static double Boundary(IReadOnlyList<UptimeBin> ascending, double target)
    {
        for (int k = 0; k < ascending.Count; k++)
        {
            var bin = ascending[k];
            if (Math.Abs(bin.AtLeast - target) < 1e-12)
            {
                return k - 0.5;
            }

            if (bin.AtLeast < target && (bin.Below ?? 1) > target)
            {
                double Nines(double u) => -Math.Log10(Math.Max(1e-9, 1 - u));
                double lo = Nines(Math.Max(bin.AtLeast, 1e-9)), hi = Nines(bin.Below ?? 1);
                double t = hi > lo ? (Nines(target) - lo) / (hi - lo) : 0.5;
                return k - 0.5 + Math.Clamp(t, 0, 1);
            }
        }

        return ascending.Count - 1.5;
    }

    private static bool SameEdges(IReadOnlyList<UptimeBin> a, IReadOnlyList<UptimeBin> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.AtLeast.Equals(p.Second.AtLeast) && Nullable.Equals(p.First.Below, p.Second.Below));
}
