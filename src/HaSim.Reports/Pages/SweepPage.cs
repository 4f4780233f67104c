using System.Globalization;
using HaSim.Reports.Charts;
using HaSim.Reports.Html;
using static HaSim.Reports.Pages.PageFormat;

namespace HaSim.Reports.Pages;

/// <summary>The report of a sweep: the answer, each figure against the swept parameter with its confidence band and the goal line, and the cost per month (against availability when it was measured) with the chosen point.</summary>
public static class SweepPage
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The whole page of <paramref name="s"/>.</summary>
    public static ReportDocument Build(SweepResultFile s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sections = new List<ReportSection> { new("answer", "Answer", Answer(s)) };
        var curves = new List<ReportBlock>();
        foreach (var (figure, k) in s.Figures.Select((f, k) => (f, k)))
        {
            curves.Add(Curve(s, figure, k));
        }

        sections.Add(new ReportSection("curves", "Figures across the sweep", curves));
        if (s.Currency is not null)
        {
            sections.Add(new ReportSection("cost", "Cost per month", Cost(s)));
        }

        string run = s.Years is { } y ? $"{Count(s.Replications)} × {Number(y)} years of random failures per point" : $"{Count(s.Replications)} replays of the scripted timeline per point";
        return new ReportDocument($"Sweep of {s.Name}", [
            ("scenario", $"{s.Name} ({s.Kind})"), ("parameters", string.Join(", ", s.Parameters)), ("points", $"{s.Points.Count} ({s.Mode.Replace('_', ' ')})"),
            ("replications", run), ("seed", s.Seed), ("random numbers", "common: replication i has the same seed at every point"),
            ("intervals", $"{Level(s.Level)} confidence"),
        ], sections);
    }

    private static List<ReportBlock> Answer(SweepResultFile s)
    {
        var figures = new List<KeyFigure>();
        if (s.Goal is { } goal)
        {
            figures.Add(new KeyFigure("goal", goal.Text, "met by a point only if its whole interval meets it"));
        }

        if (s.Chosen is { } chosen)
        {
            var p = s.Points[chosen];
            figures.Add(new KeyFigure("chosen point", p.Label, s.Currency is null ? "the first point in sweep order that meets the goal" : "the cheapest point that meets the goal", Tone.Good));
            if (s.Goal is { } g && p.Figures.FirstOrDefault(f => f.Key == g.Figure) is { } f)
            {
                var unit = s.Figures.First(x => x.Key == f.Key).Unit;
                figures.Add(new KeyFigure(s.Figures.First(x => x.Key == f.Key).Label, Value(f.Estimate, unit), $"{Level(s.Level)} CI {Value(f.Lower, unit)} .. {Value(f.Upper, unit)}, n = {Count(f.N)}", Tone.Good));
            }

            if (p.Total is { } total)
            {
                figures.Add(new KeyFigure("cost per month", Money(total, s.Currency!), $"{Money(p.Resources ?? 0, s.Currency!)} resources + {Money(p.Credit ?? 0, s.Currency!)} expected SLA credit{(s.ExamplePrices ? " (example prices, not vendor quotes)" : "")}"));
            }
        }
        else if (s.Goal is not null)
        {
            figures.Add(new KeyFigure("chosen point", "none", "no point's whole interval meets the goal", Tone.Bad));
        }

        return [new KeyFigures(figures), new Paragraph(s.Answer)];
    }

    private static ChartBlock Curve(SweepResultFile s, (string Key, string Label, string Unit) figure, int k)
    {
        var (scale, unitLabel) = Scale(figure.Unit, s.Points.Select(p => p.Figures[k].Estimate ?? 0).DefaultIfEmpty(0).Max());
        var (xOf, xLabel, series) = Axis(s);
        var data = series.Select(g => new SweepSeries(g.Label, [.. g.Points.Select(p =>
        {
            var f = p.Figures[k];
            double e = (f.Estimate ?? double.NaN) * scale;
            return new SweepPoint(xOf(p), e, (f.Lower ?? double.NegativeInfinity) * scale, (f.Upper ?? double.PositiveInfinity) * scale);
        })])).ToList();
        bool isGoal = s.Goal is { } g0 && g0.Figure == figure.Key;
        var goalLine = isGoal ? new ChartThreshold(s.Goal!.Value.Limit * scale, "goal " + s.Goal.Value.Text) : null;
        double? chosen = isGoal && s.Chosen is { } c ? xOf(s.Points[c]) : null;
        var chart = SweepChart.Render("sweep_" + Anchor(figure.Key), new SweepChartData($"{figure.Label} across the sweep", xLabel, $"{figure.Label} ({unitLabel})", data, goalLine, chosen));
        var table = new DataTable($"{figure.Label} at each point", ["point", ">estimate", $">{Level(s.Level)} CI", ">n", "verdict"],
            [.. s.Points.Select(p => (IReadOnlyList<string>)[p.Label + (s.Chosen == p.Index ? " (chosen)" : ""), Value(p.Figures[k].Estimate, figure.Unit), $"{Value(p.Figures[k].Lower, figure.Unit)} .. {Value(p.Figures[k].Upper, figure.Unit)}", Count(p.Figures[k].N), p.Figures[k].Verdict ?? "–"])]);
        return new ChartBlock(chart, table, isGoal ? "The shaded band is each point's confidence interval; a point meets the goal only if the whole band is on the goal's side of the line." : null);
    }

    private static List<ReportBlock> Cost(SweepResultFile s)
    {
        string currency = s.Currency!;
        int availability = s.Figures.ToList().FindIndex(f => f.Key == "availability");
        RenderedChart chart;
        if (availability >= 0)
        {
            double? goal = s.Goal is { } g && g.Figure == "availability" ? g.Limit : null;
            chart = CostChart.Render("sweep_cost", new CostChartData("Cost per month against availability", currency,
                [.. s.Points.Select(p => new CostPoint(p.Label, p.Figures[availability].Estimate ?? 0, p.Figures[availability].Lower ?? 0, p.Figures[availability].Upper ?? 1, p.Total ?? 0))],
                goal, s.Chosen is { } c ? s.Points[c].Label : null));
        }
        else
        {
            var (xOf, xLabel, series) = Axis(s);
            chart = SweepChart.Render("sweep_cost", new SweepChartData("Cost per month across the sweep", xLabel, $"cost per month ({currency})",
                [.. series.Select(g => new SweepSeries(g.Label, [.. g.Points.Select(p => new SweepPoint(xOf(p), p.Total ?? 0, p.TotalLower ?? 0, p.TotalUpper ?? 0))]))],
                null, s.Chosen is { } c ? xOf(s.Points[c]) : null));
        }

        var table = new DataTable($"Cost per month ({currency}{(s.ExamplePrices ? ", example prices, not vendor quotes" : "")})", ["point", ">resources", ">expected SLA credit", ">total", ">total range"],
            [.. s.Points.Select(p => (IReadOnlyList<string>)[p.Label + (s.Chosen == p.Index ? " (chosen)" : ""), Money(p.Resources ?? 0, currency), Money(p.Credit ?? 0, currency), Money(p.Total ?? 0, currency), $"{Money(p.TotalLower ?? 0, currency)} .. {Money(p.TotalUpper ?? 0, currency)}"])]);
        return [new ChartBlock(chart, table, "Resources at the file's prices plus the expected SLA credit (the credit's interval gives the range).")];
    }

    /// <summary>The horizontal axis: the first parameter's number when every value starts with one, else the point's position; one series per value of the other parameters.</summary>
    private static (Func<SweepFilePoint, double> X, string Label, List<(string Label, List<SweepFilePoint> Points)> Series) Axis(SweepResultFile s)
    {
        string first = s.Parameters[0];
        bool oneAtATime = s.Mode == "one_at_a_time" && s.Parameters.Count > 1;
        bool numeric = !oneAtATime && s.Points.All(p => LeadingNumber(p.Settings.FirstOrDefault(x => x.Key == first).Value) is not null);
        Func<SweepFilePoint, double> x = numeric ? p => LeadingNumber(p.Settings.First(v => v.Key == first).Value)!.Value : p => p.Index + 1;
        string label = numeric ? first : "point (see the table)";
        var series = numeric
            ? s.Points.GroupBy(p => string.Join(", ", p.Settings.Where(v => v.Key != first).Select(v => $"{v.Key}={v.Value}")), StringComparer.Ordinal)
                .Select(g => (g.Key.Length == 0 ? "estimate" : g.Key, g.ToList())).ToList()
            : [("estimate", s.Points.ToList())];
        return (x, label, series);
    }

    private static double? LeadingNumber(string? text)
    {
        if (text is null)
        {
            return null;
        }

        int end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        return end > 0 && double.TryParse(text.AsSpan(0, end), NumberStyles.Float, C, out double v) ? v : null;
    }

    private static (double Scale, string Unit) Scale(string unit, double largest) => unit switch
    {
        "s" => largest >= 120 ? (1 / 60.0, "min") : (1, "s"),
        "fraction" => (100, "%"),
        "s/yr" => (1 / 60.0, "min/yr"),
        _ => (1, unit),
    };

    private static string Value(double? value, string unit) => value is not { } v ? "unbounded" : unit switch
    {
        "s" => Seconds(v),
        "B" => Bytes(v),
        "fraction" => v.ToString("0.####%", C),
        "s/yr" => Seconds(v) + "/yr",
        _ => Number(v),
    };

    private static string Money(double value, string currency) => value.ToString("N2", C) + " " + currency;
}
