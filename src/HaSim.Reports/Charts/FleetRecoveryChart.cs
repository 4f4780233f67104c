using ScottPlot;

namespace HaSim.Reports.Charts;

/// <summary>One curve of databases down over time.</summary>
/// <param name="Label">The legend text (a fleet size, a spare capacity, a percentile over replications).</param>
/// <param name="Points">(seconds since the outage began, databases down), in increasing time; the count holds until the next point.</param>
public sealed record FleetRecoverySeries(string Label, IReadOnlyList<(double Seconds, double Down)> Points);

/// <summary>What a fleet recovery chart shows.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Affected">How many databases the outage took down, drawn as a line, if known.</param>
/// <param name="Series">The curves.</param>
/// <param name="Marks">Instants to mark, e.g. ("90% back", 240 s).</param>
public sealed record FleetRecoveryChartData(string Title, double? Affected, IReadOnlyList<FleetRecoverySeries> Series, IReadOnlyList<ChartThreshold> Marks);

/// <summary>The fleet recovery curve: how many databases are down, minute by minute, after an outage.</summary>
public static class FleetRecoveryChart
{
    /// <summary>Draws <paramref name="data"/>.</summary>
    public static RenderedChart Render(string id, FleetRecoveryChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plot = ChartTheme.NewPlot();
        double end = 60;
        for (int k = 0; k < data.Series.Count; k++)
        {
            var points = data.Series[k].Points;
            if (points.Count == 0)
            {
                continue;
            }

            var step = plot.Add.Scatter(points.Select(p => p.Seconds / 60).ToArray(), points.Select(p => p.Down).ToArray(), ChartTheme.SeriesColor(k));
            step.ConnectStyle = ConnectStyle.StepHorizontal;
            step.LineWidth = 2.5f;
            step.MarkerSize = 0;
            step.LegendText = data.Series[k].Label;
            end = Math.Max(end, points[^1].Seconds);
        }

        if (data.Affected is { } affected)
        {
            var h = plot.Add.HorizontalLine(affected, 1.5f, ChartTheme.Muted, LinePattern.Dotted);
            h.Text = $"{affected:0} affected";
            h.LabelFontSize = 11;
            h.LabelOppositeAxis = true;
            h.ExcludeFromLegend = true;
        }

        foreach (var mark in data.Marks)
        {
            var v = plot.Add.VerticalLine(mark.Value / 60, 1.5f, ChartTheme.Line, LinePattern.Dashed);
            v.Text = mark.Label;
            v.LabelFontSize = 11;
            v.LabelOppositeAxis = true;
            v.ExcludeFromLegend = true;
            end = Math.Max(end, mark.Value);
        }

        double top = Math.Max(1, Math.Max(data.Affected ?? 0, data.Series.SelectMany(s => s.Points).Select(p => p.Down).DefaultIfEmpty(0).Max()));
        plot.Axes.SetLimits(0, end / 60 * 1.05, 0, top * 1.12);
        plot.XLabel("minutes since the outage began");
        plot.YLabel("databases down");
        ChartAxes.Legend(plot, Alignment.UpperRight);
        string description = $"{data.Title}: the number of databases down against minutes since the outage began, for " + string.Join(", ", data.Series.Select(s => s.Label))
            + (data.Affected is { } a ? $"; {a:0} databases were affected" : "") + (data.Marks.Count > 0 ? "; dashed lines mark " + string.Join(", ", data.Marks.Select(m => $"{m.Label} at {ChartAxes.DurationLabel(m.Value)}")) : "") + ".";
        return ChartTheme.Render(plot, id, data.Title, description);
    }
}
