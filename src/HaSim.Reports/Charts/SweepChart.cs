using ScottPlot;

namespace HaSim.Reports.Charts;

/// <summary>One point of a sweep: the figure at one parameter value, with its confidence interval.</summary>
/// <param name="X">The parameter's value.</param>
/// <param name="Estimate">The figure's estimate.</param>
/// <param name="Lower">Its interval's lower bound.</param>
/// <param name="Upper">Its interval's upper bound.</param>
public sealed record SweepPoint(double X, double Estimate, double Lower, double Upper);

/// <summary>One curve of a sweep (one figure, or one value of a second parameter).</summary>
/// <param name="Label">The legend text.</param>
/// <param name="Points">Its points, in any order (drawn by increasing X).</param>
public sealed record SweepSeries(string Label, IReadOnlyList<SweepPoint> Points);

/// <summary>What a sweep chart shows.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="ParameterLabel">The horizontal axis: the parameter swept, with its unit.</param>
/// <param name="FigureLabel">The vertical axis: the figure reported, with its unit.</param>
/// <param name="Series">The curves.</param>
/// <param name="Goal">The goal the figure must meet, drawn as a horizontal line, if any.</param>
/// <param name="Chosen">The parameter value chosen (the cheapest that meets the goal), marked, if any.</param>
public sealed record SweepChartData(string Title, string ParameterLabel, string FigureLabel, IReadOnlyList<SweepSeries> Series, ChartThreshold? Goal = null, double? Chosen = null);

/// <summary>A figure against a swept parameter: lines through the estimates, shaded confidence bands, a goal line and the chosen point.</summary>
public static class SweepChart
{
    /// <summary>Draws <paramref name="data"/>.</summary>
    public static RenderedChart Render(string id, SweepChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plot = ChartTheme.NewPlot();
        for (int k = 0; k < data.Series.Count; k++)
        {
            var points = data.Series[k].Points.OrderBy(p => p.X).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var color = ChartTheme.SeriesColor(k);
            var xs = points.Select(p => p.X).ToArray();
            var band = plot.Add.FillY(xs, points.Select(p => Finite(p.Upper, p.Estimate)).ToArray(), points.Select(p => Finite(p.Lower, p.Estimate)).ToArray());
            band.FillColor = color.WithAlpha(0.2);
            band.LineWidth = 0;
            band.LegendText = "";
            var line = plot.Add.Scatter(xs, points.Select(p => p.Estimate).ToArray(), color);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = data.Series[k].Label;
        }

        if (data.Goal is { } goal)
        {
            var h = plot.Add.HorizontalLine(goal.Value, 2, ChartTheme.Line, LinePattern.Dashed);
            h.Text = goal.Label;
            h.LabelFontSize = 12;
            h.LabelOppositeAxis = true;
            h.ExcludeFromLegend = true;
        }

        if (data.Chosen is { } chosen)
        {
            var at = data.Series.SelectMany(s => s.Points).Where(p => p.X.Equals(chosen)).Select(p => p.Estimate).DefaultIfEmpty(double.NaN).First();
            var v = plot.Add.VerticalLine(chosen, 1.5f, ChartTheme.Text, LinePattern.Dotted);
            v.Text = "chosen";
            v.LabelFontSize = 12;
            v.LabelOppositeAxis = true;
            v.ExcludeFromLegend = true;
            if (double.IsFinite(at))
            {
                var m = plot.Add.Marker(chosen, at, MarkerShape.OpenCircle, 18, ChartTheme.Text);
                m.LineWidth = 2.5f;
            }
        }

        plot.XLabel(data.ParameterLabel);
        plot.YLabel(data.FigureLabel);
        ChartAxes.Legend(plot, Alignment.UpperRight);
        string description = $"{data.Title}: {data.FigureLabel} against {data.ParameterLabel} for " + string.Join(", ", data.Series.Select(s => s.Label))
            + ", each point with its confidence interval shaded" + (data.Goal is { } g ? $"; a dashed line marks the goal ({g.Label})" : "")
            + (data.Chosen is { } c ? $"; the chosen value {c.ToString(System.Globalization.CultureInfo.InvariantCulture)} is circled" : "") + ".";
        return ChartTheme.Render(plot, id, data.Title, description);
    }

    private static double Finite(double bound, double fallback) => double.IsFinite(bound) ? bound : fallback;
}
