using System.Globalization;
using System.Text;
using HaSim.Analysis.Budgets;
using HaSim.Analysis.Sweeps;
using HaSim.Reports.Budgets;
using HaSim.Reports.Text;

namespace HaSim.Reports.Sweeps;

/// <summary>The printed sweep: what ran, a table of the points, and the answer.</summary>
public static class SweepText
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The report of <paramref name="result"/>.</summary>
    public static string Render(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var r = result.Request;
        var sb = new StringBuilder();
        string what = r.Years is { } y ? string.Create(C, $"{y:0.###} simulated year{(y == 1 ? "" : "s")} of random failures") : "replays of the scripted timeline";
        var counts = result.Points.Select(p => p.Databases).Distinct().ToList();
        string databases = r.Subject.Fleet is null ? "" : counts.Count == 1 ? string.Create(C, $", a fleet of {counts[0]:N0} databases") : ", a fleet (its size varies by point)";
        sb.Append(C, $"Sweep of {r.Subject.Name}{databases}: {result.Points.Count} points ({SweepFormat.Key(r.Mode).Replace('_', ' ')}), {r.Replications:N0} replications each ({what}), seed {r.Seed}.\n");
        sb.Append("Every point runs the same seeds (common random numbers): the same failures hit every point.\n");
        sb.Append(C, $"Intervals: {r.Level * 100:0.##}% confidence.\n");
        if (result.Cost is { } model)
        {
            sb.Append(C, $"Prices: {(model.IsExample ? "EXAMPLE prices (not vendor quotes)" : "the user's prices")} from {model.Source}, in {model.Currency}.\n");
        }

        sb.Append('\n');
        // Parameters and the first figure stay in the table; further figures, the verdict and the
        // cost are optional columns that move under their row when the table does not fit.
        var header = new List<string> { "point" };
        header.AddRange(r.Parameters.Select(p => p.Key));
        header.AddRange(r.Figures.Select((f, k) => (k == 0 ? "" : "?") + f.Label));
        if (r.Goal is not null)
        {
            header.Add("?goal");
        }

        if (result.Cost is { } m)
        {
            header.Add($">?cost/month ({m.Currency})|cost ({m.Currency})");
        }

        var table = new TextTable([.. header]);
        foreach (var p in result.Points)
        {
            var row = new List<string> { (p.Point.Index + 1).ToString(C) + (result.Chosen == p.Point.Index ? " *" : "") };
            row.AddRange(r.Parameters.Select(param => p.Point.Settings.FirstOrDefault(s => s.Key == param.Key).Value ?? "(file)"));
            row.AddRange(p.Figures.Select(f => $"{BudgetText.Value(f.Estimate.Value, f.Figure.Unit)} ({BudgetText.Interval(f.Estimate, f.Figure.Unit)})"));
            if (r.Goal is not null)
            {
                row.Add(p.Verdict is { } v ? SweepFormat.Key(v) : "-");
            }

            if (p.Cost is { } c)
            {
                row.Add(c.Total.ToString("N2", C));
            }

            table.Add([.. row]);
        }

        sb.Append(table.Render());
        sb.Append('\n').Append(Answer(result)).Append('\n');
        return TextWrap.Fit(sb.ToString());
    }

    /// <summary>The answer in one line: the chosen point with its interval (and cost), or why there is none.</summary>
    public static string Answer(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var r = result.Request;
        if (r.Goal is not { } goal)
        {
            return "No goal given (--goal): nothing chosen.";
        }

        int k = r.Figures.ToList().FindIndex(f => f.Key == goal.Figure.Key);
        string by = result.Cost is null ? "first point in sweep order" : "cheapest point";
        if (result.Chosen is not { } chosen)
        {
            int inconclusive = result.Points.Count(p => p.Verdict == Verdict.Inconclusive);
            return $"Goal {goal.Text}: no point meets it with its whole interval"
                + (inconclusive > 0 ? string.Create(C, $" ({inconclusive} inconclusive: more --replications may decide them)") : "") + ".";
        }

        var p = result.Points[chosen];
        var f = p.Figures[k];
        string cost = p.Cost is { } c
            ? $"; {SweepFormat.Money(c.Total, result.Cost!.Currency)} per month ({SweepFormat.Money(c.Resources.Total, result.Cost.Currency)} resources + {SweepFormat.Money(c.Credit, result.Cost.Currency)} expected SLA credit{(result.Cost.IsExample ? ", example prices" : "")})"
            : "";
        return $"Goal {goal.Text}: the {by} whose whole interval meets it is {p.Point.Label}: {f.Figure.Label} {BudgetText.Value(f.Estimate.Value, f.Figure.Unit)} ({BudgetText.Interval(f.Estimate, f.Figure.Unit)}, n = {f.Estimate.SampleSize.ToString("N0", C)}){cost}.";
    }
}
