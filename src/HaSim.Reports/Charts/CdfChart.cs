using HaSim.Analysis.Statistics;
using ScottPlot;

namespace HaSim.Reports.Charts;

/// <summary>One line of a distribution chart.</summary>
/// <param name="Label">The legend text (a failure mode, an architecture).</param>
/// <param name="Points">Its distribution function (value, exact probability at or below it).</param>
/// <param name="Emphasised">Drawn thicker (for example "all incidents" among failure modes).</param>
public sealed record CdfSeries(string Label, IReadOnlyList<CdfPoint> Points, bool Emphasised = false);

/// <summary>What a distribution chart shows.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="ValueLabel">The horizontal axis' label, e.g. "client RTO".</param>
/// <param name="Quantity">The unit of the values.</param>
/// <param name="Series">The lines; a series without points is left out.</param>
/// <param name="Budget">A budget drawn as a vertical line, if any.</param>
public sealed record CdfChartData(string Title, string ValueLabel, ChartQuantity Quantity, IReadOnlyList<CdfSeries> Series, ChartThreshold? Budget = null);

/// <summary>
/// Distribution functions as steps: values on a logarithmic axis, the share of incidents at or below
/// them on a "nines" axis (0%, 90%, 99%, 99.9% evenly spaced) so the tail a budget is about is visible.
/// </summary>
public static class CdfChart
{
    /// <summary>Draws <paramref name="data"/>.</summary>
    public static RenderedChart Render(string id, CdfChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var series = data.Series.Where(s => s.Points.Count > 0).ToList();
        var positives = series.SelectMany(s => s.Points).Select(p => p.Value).Where(v => v > 0).ToList();
        if (data.Budget is { Value: > 0 } b)
        {
            positives.Add(b.Value);
        }

        double min = positives.Count > 0 ? positives.Min() : 1, max = positives.Count > 0 ? positives.Max() : 10;
        if (max <= min)
        {
            (min, max) = (min / 2, max * 2);
        }

        bool hasZeros = series.Any(s => s.Points[0].Value <= 0);
        double left = Math.Log10(min) - (0.06 * Math.Max(1, Math.Log10(max / min)));
        double? zeroAt = hasZeros ? left : null;
        double right = Math.Log10(max) + (0.04 * Math.Max(1, Math.Log10(max / min)));

        // The top of the axis is where p = 1 (the worst incident) is drawn: just above the largest tail
        // probability any series resolves, at most 99.99%.
        double top = 1;
        foreach (var s in series)
        {
            if (s.Points.Count > 1)
            {
                top = Math.Max(top, Math.Min(4, -Math.Log10(1 - s.Points[^2].Probability)) + 0.35);
            }
        }

        var plot = ChartTheme.NewPlot();
        for (int k = 0; k < series.Count; k++)
        {
            var s = series[k];
            // The function is 0 left of the first point and steps up at each point.
            var xs = new List<double> { left };
            var ys = new List<double> { 0 };
            foreach (var p in s.Points)
            {
                double x = ChartAxes.Log(p.Value, left);
                xs.Add(x);
                ys.Add(ys[^1]);
                xs.Add(x);
                ys.Add(ChartAxes.Nines(p.Probability, top));
            }

            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), s.Emphasised ? ChartTheme.Text : ChartTheme.SeriesColor(k));
            line.LineWidth = s.Emphasised ? 3 : 2;
            line.LegendText = s.Label;
        }

        if (data.Budget is { } budget && budget.Value > 0)
        {
            var v = plot.Add.VerticalLine(Math.Log10(budget.Value), 2, ChartTheme.Line, LinePattern.Dashed);
            v.Text = budget.Label;
            v.LabelFontSize = 12;
            v.LabelOppositeAxis = true;
            v.LegendText = budget.Label;
        }

        if (series.Count == 0)
        {
            plot.Add.Annotation("no incidents", Alignment.MiddleCenter);
        }

        plot.Axes.Bottom.TickGenerator = ChartAxes.LogTicks(data.Quantity, min, max, zeroAt);
        plot.Axes.Left.TickGenerator = ChartAxes.NinesTicks(top);
        plot.Axes.SetLimits(left, right, 0, top + 0.05);
        plot.XLabel(data.ValueLabel + " (log scale)");
        plot.YLabel("share of incidents at or below");
        ChartAxes.LegendRight(plot);

        string budgetText = data.Budget is { } bt ? $" A dashed line marks {bt.Label}." : "";
        string description = $"{data.Title}: the share of incidents whose {data.ValueLabel} is at or below each value, one line per "
            + string.Join(", ", series.Select(s => s.Label)) + "; the vertical axis is stretched towards 100% (0%, 90%, 99%, 99.9%) so the tail shows." + budgetText;
        return ChartTheme.Render(plot, id, data.Title, description);
    }
}
