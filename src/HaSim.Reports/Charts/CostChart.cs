using System.Globalization;
using ScottPlot;

namespace HaSim.Reports.Charts;

/// <summary>One configuration on a cost chart.</summary>
/// <param name="Label">Its name (a tier, a sweep point).</param>
/// <param name="Availability">Its availability estimate, a fraction.</param>
/// <param name="Lower">The lower bound of its interval.</param>
/// <param name="Upper">The upper bound of its interval.</param>
/// <param name="CostPerMonth">What it costs per month, in <see cref="CostChartData.Currency"/>.</param>
public sealed record CostPoint(string Label, double Availability, double Lower, double Upper, double CostPerMonth);

/// <summary>What a cost-against-availability chart shows.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Currency">The unit of cost, e.g. "USD".</param>
/// <param name="Points">The configurations.</param>
/// <param name="Goal">The availability goal, drawn as a vertical line, if any.</param>
/// <param name="Chosen">The label of the chosen configuration (the cheapest that meets the goal), if any.</param>
public sealed record CostChartData(string Title, string Currency, IReadOnlyList<CostPoint> Points, double? Goal = null, string? Chosen = null);

/// <summary>Cost per month against availability (on a nines axis), each configuration with its interval, the goal and the chosen one.</summary>
public static class CostChart
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Draws <paramref name="data"/>.</summary>
    public static RenderedChart Render(string id, CostChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        static double Nines(double a) => -Math.Log10(Math.Max(1e-9, 1 - a));
        var plot = ChartTheme.NewPlot();
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var p in data.Points)
        {
            bool chosen = p.Label == data.Chosen;
            bool meets = data.Goal is { } goal && p.Lower >= goal;
            double x = Nines(p.Availability);
            double xl = Nines(double.IsFinite(p.Lower) ? p.Lower : p.Availability), xh = Nines(double.IsFinite(p.Upper) ? p.Upper : p.Availability);
            lo = Math.Min(lo, xl);
            hi = Math.Max(hi, xh);
            var err = plot.Add.Line(xl, p.CostPerMonth, xh, p.CostPerMonth);
            err.LineColor = ChartTheme.Text;
            err.LineWidth = 1.5f;
            err.MarkerSize = 0;
            var m = plot.Add.Marker(x, p.CostPerMonth, chosen ? MarkerShape.FilledDiamond : MarkerShape.FilledCircle, chosen ? 16 : 10, meets ? ChartTheme.Good : ChartTheme.Bad);
            m.LegendText = "";
            var t = plot.Add.Text((chosen ? "chosen: " : "") + p.Label, x, p.CostPerMonth);
            t.LabelFontSize = 12;
            t.LabelBold = chosen;
            t.OffsetY = -12;
            t.LabelAlignment = Alignment.LowerCenter;
        }

        if (data.Goal is { } g)
        {
            var v = plot.Add.VerticalLine(Nines(g), 2, ChartTheme.Line, LinePattern.Dashed);
            v.Text = "goal " + ChartAxes.Uptime(g);
            v.LabelFontSize = 12;
            v.LabelOppositeAxis = true;
            lo = Math.Min(lo, Nines(g));
            hi = Math.Max(hi, Nines(g));
        }

        if (double.IsFinite(lo))
        {
            double pad = Math.Max(0.15, (hi - lo) * 0.12);
            var costs = data.Points.Select(p => p.CostPerMonth).DefaultIfEmpty(0).ToList();
            double top = costs.Max();
            plot.Axes.SetLimits(lo - pad, hi + pad, Math.Min(0, costs.Min()), top <= 0 ? 1 : top * 1.25);
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            foreach (double a in new[] { 0.9, 0.99, 0.995, 0.999, 0.9995, 0.9999, 0.99995, 0.99999, 0.999999 })
            {
                double x = Nines(a);
                if (x >= lo - pad && x <= hi + pad)
                {
                    ticks.AddMajor(x, ChartAxes.Uptime(a));
                }
            }

            plot.Axes.Bottom.TickGenerator = ticks;
        }

        plot.XLabel("availability (nines scale)");
        plot.YLabel($"cost per month ({data.Currency})");
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("#,0", C) };
        string description = $"{data.Title}: cost per month in {data.Currency} against availability for " + string.Join(", ", data.Points.Select(p => $"{p.Label} ({ChartAxes.Uptime(p.Availability)}, {p.CostPerMonth.ToString("#,0", C)} {data.Currency})"))
            + (data.Goal is { } gl ? $"; a dashed line marks the goal {ChartAxes.Uptime(gl)}; blue points meet it with their whole interval" : "")
            + (data.Chosen is { } c ? $"; the chosen configuration is {c}" : "") + ".";
        return ChartTheme.Render(plot, id, data.Title, description);
    }
}
