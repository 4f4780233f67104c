using ScottPlot;

namespace HaSim.Reports.Charts;

/// <summary>One cause in a Pareto chart.</summary>
/// <param name="Label">The cause (a failure mode, a recovery stage).</param>
/// <param name="Value">Its amount, e.g. minutes of downtime per year.</param>
/// <param name="Lower">The lower bound of its confidence interval, if known.</param>
/// <param name="Upper">The upper bound, if known.</param>
/// <param name="Share">Its share of the total, a fraction.</param>
public sealed record ParetoItem(string Label, double Value, double? Lower, double? Upper, double Share);

/// <summary>What a Pareto chart shows.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="ValueLabel">The value axis' label, e.g. "downtime, minutes per year".</param>
/// <param name="Items">The causes, in any order (drawn largest first).</param>
/// <param name="Cumulative">Whether shares add up (failure modes) so a running total is shown; stages that overlap do not.</param>
public sealed record ParetoChartData(string Title, string ValueLabel, IReadOnlyList<ParetoItem> Items, bool Cumulative);

/// <summary>Causes as horizontal bars, largest on top, each with its interval and its share (and running share).</summary>
public static class ParetoChart
{
    /// <summary>How many causes are drawn at most; the rest are summed into one bar.</summary>
    public const int MaxItems = 12;

    /// <summary>Draws <paramref name="data"/>.</summary>
    public static RenderedChart Render(string id, ParetoChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var items = data.Items.OrderByDescending(i => i.Value).ThenBy(i => i.Label, StringComparer.Ordinal).ToList();
        if (items.Count > MaxItems)
        {
            var rest = items.Skip(MaxItems - 1).ToList();
            items = [.. items.Take(MaxItems - 1), new ParetoItem($"{rest.Count} others", rest.Sum(i => i.Value), null, null, rest.Sum(i => i.Share))];
        }

        int n = items.Count;
        var plot = ChartTheme.NewPlot();
        var bars = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        double running = 0, maxX = 0;
        for (int k = 0; k < n; k++)
        {
            var item = items[k];
            double y = n - 1 - k;
            running += item.Share;
            string share = ChartAxes.Percent(item.Share) + (data.Cumulative ? $" (running {ChartAxes.Percent(Math.Min(1, running))})" : "");
            bars.Add(new Bar
            {
                Position = y,
                Value = item.Value,
                ValueBase = 0,
                Size = 0.7,
                FillColor = k == 0 ? ChartTheme.Bad : ChartTheme.Good,
                LineWidth = 0,
                Orientation = Orientation.Horizontal,
            });
            double end = item.Upper is { } top && double.IsFinite(top) ? Math.Max(top, item.Value) : item.Value;
            var text = plot.Add.Text($"{ValueText(item.Value)}  {share}", end, y);
            text.LabelFontSize = 11;
            text.LabelFontColor = ChartTheme.Text;
            text.LabelAlignment = Alignment.MiddleLeft;
            text.OffsetX = 6;
            ticks.AddMajor(y, Shorten(item.Label));
            maxX = Math.Max(maxX, Math.Max(item.Value, item.Upper is { } u && double.IsFinite(u) ? u : 0));
            if (item.Lower is { } lo && item.Upper is { } hi && double.IsFinite(lo) && double.IsFinite(hi) && hi > lo)
            {
                var err = plot.Add.Line(lo, y, hi, y);
                err.LineColor = ChartTheme.Text;
                err.LineWidth = 1.5f;
                err.MarkerSize = 0;
            }
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(0, maxX <= 0 ? 1 : maxX * 1.6, -0.6, n - 0.4);
        plot.XLabel(data.ValueLabel);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;

        string description = $"{data.Title}: " + (n == 0 ? "nothing to show." :
            string.Join("; ", items.Select(i => $"{i.Label} {ChartAxes.Percent(i.Share)}")) + (data.Cumulative ? "." : " (these can overlap, so the shares need not add up to 100%)."));
        int height = Math.Max(220, 90 + (34 * n));
        return ChartTheme.Render(plot, id, data.Title, description, ChartTheme.Width, height);
    }

    private static string ValueText(double value) => value.ToString(value >= 100 ? "#,0" : value >= 10 ? "0.0" : "0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static string Shorten(string label) => label.Length <= 42 ? label : label[..40] + "…";
}
