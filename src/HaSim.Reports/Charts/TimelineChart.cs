using ScottPlot;

namespace HaSim.Reports.Charts;

/// <summary>What a span on a timeline lane means, which decides its colour.</summary>
public enum SpanKind
{
    /// <summary>Down: a component failed, or clients cannot reach the database.</summary>
    Down,

    /// <summary>A recovery stage that finished.</summary>
    Stage,

    /// <summary>A recovery stage that was interrupted (a later fault made it moot).</summary>
    Interrupted,

    /// <summary>Background work that is not downtime (rebuilding a standby).</summary>
    Background,

    /// <summary>Service up but degraded (cold cache, no standby).</summary>
    Degraded,
}

/// <summary>An interval on a lane, in seconds since the start of the run.</summary>
/// <param name="Start">When it began.</param>
/// <param name="End">When it ended.</param>
/// <param name="Kind">What it means.</param>
public sealed record TimelineSpan(double Start, double End, SpanKind Kind);

/// <summary>One row of a timeline: a component, the service, a recovery stage.</summary>
/// <param name="Label">The row's name.</param>
/// <param name="Spans">Its intervals.</param>
/// <param name="Marks">Instants to mark with a diamond (faults), in seconds.</param>
public sealed record TimelineLane(string Label, IReadOnlyList<TimelineSpan> Spans, IReadOnlyList<double> Marks);

/// <summary>What a timeline (Gantt) chart shows.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Lanes">The rows, top to bottom.</param>
/// <param name="Lines">Vertical lines at instants (an RTO budget measured from an incident's start).</param>
/// <param name="From">Where the time axis starts (default: just before the first span or mark).</param>
/// <param name="To">Where it ends (default: just after the last).</param>
public sealed record TimelineChartData(string Title, IReadOnlyList<TimelineLane> Lanes, IReadOnlyList<ChartThreshold> Lines, double? From = null, double? To = null);

/// <summary>A timeline of components down and up and of recovery stages, one lane per row, time as a clock.</summary>
public static class TimelineChart
{
    /// <summary>Draws <paramref name="data"/>.</summary>
    public static RenderedChart Render(string id, TimelineChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var times = data.Lanes.SelectMany(l => l.Spans.SelectMany(s => new[] { s.Start, s.End }).Concat(l.Marks)).Concat(data.Lines.Select(l => l.Value)).ToList();
        double first = times.Count > 0 ? times.Min() : 0, last = times.Count > 0 ? times.Max() : 60;
        double pad = Math.Max(1, (last - first) * 0.03);
        double from = data.From ?? Math.Max(0, first - pad), to = data.To ?? last + pad;
        if (to <= from)
        {
            to = from + 60;
        }

        double minWidth = (to - from) * 0.003; // an instant stage still shows
        var plot = ChartTheme.NewPlot();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        int n = data.Lanes.Count;
        var used = new SortedSet<SpanKind>();
        for (int k = 0; k < n; k++)
        {
            var lane = data.Lanes[k];
            double y = n - 1 - k;
            ticks.AddMajor(y, lane.Label.Length <= 44 ? lane.Label : lane.Label[..42] + "…");
            foreach (var span in lane.Spans)
            {
                double start = Math.Max(from, span.Start), end = Math.Min(to, Math.Max(span.End, span.Start + minWidth));
                if (end <= start)
                {
                    continue;
                }

                var rect = plot.Add.Rectangle(start, end, y - 0.32, y + 0.32);
                rect.FillColor = ColorOf(span.Kind);
                rect.LineWidth = 0;
                used.Add(span.Kind);
            }

            foreach (double at in lane.Marks.Where(t => t >= from && t <= to))
            {
                var marker = plot.Add.Marker(at, y, MarkerShape.FilledDiamond, 11, ChartTheme.Text);
                marker.LegendText = "";
            }
        }

        foreach (var line in data.Lines)
        {
            var v = plot.Add.VerticalLine(line.Value, 2, ChartTheme.Line, LinePattern.Dashed);
            v.Text = line.Label;
            v.LabelFontSize = 11;
            v.LabelOppositeAxis = true;
            v.ExcludeFromLegend = true;
        }

        var legend = used.Select(kind => new LegendItem { LabelText = Name(kind), FillColor = ColorOf(kind), LineWidth = 0 }).ToList();
        if (data.Lanes.Any(l => l.Marks.Count > 0))
        {
            legend.Add(new LegendItem { LabelText = "fault", MarkerShape = MarkerShape.FilledDiamond, MarkerFillColor = ChartTheme.Text, MarkerLineColor = ChartTheme.Text, MarkerSize = 9, LineWidth = 0 });
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = ChartAxes.ClockTicks(from, to);
        plot.Axes.SetLimits(from, to, -0.7, n - 0.3);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.XLabel("time since the start of the run (h:mm:ss)");
        plot.Legend.ManualItems.AddRange(legend);
        plot.Legend.FontSize = 11;
        plot.ShowLegend(Edge.Bottom);

        string description = $"{data.Title}: a timeline from {ChartAxes.DurationLabel(from)} to {ChartAxes.DurationLabel(to)} with one row per "
            + string.Join(", ", data.Lanes.Select(l => l.Label)) + "; bars show when each was down, recovering, rebuilding in the background or degraded"
            + (data.Lines.Count > 0 ? "; dashed lines mark " + string.Join(", ", data.Lines.Select(l => l.Label)) : "") + ".";
        int height = Math.Max(240, 150 + (30 * n));
        return ChartTheme.Render(plot, id, data.Title, description, 900, height);
    }

    /// <summary>The legend text of a kind of span.</summary>
    public static string Name(SpanKind kind) => kind switch
    {
        SpanKind.Down => "down",
        SpanKind.Stage => "recovery stage",
        SpanKind.Interrupted => "interrupted stage",
        SpanKind.Background => "background work",
        SpanKind.Degraded => "degraded",
        _ => kind.ToString(),
    };

    private static Color ColorOf(SpanKind kind) => kind switch
    {
        SpanKind.Down => ChartTheme.Bad,
        SpanKind.Stage => ChartTheme.Good,
        SpanKind.Interrupted => ChartTheme.Muted,
        SpanKind.Background => Color.FromHex("#56B4E9"),
        SpanKind.Degraded => ChartTheme.Warn,
        _ => ChartTheme.Muted,
    };
}
