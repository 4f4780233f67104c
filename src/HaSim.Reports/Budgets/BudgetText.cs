using System.Globalization;
using HaSim.Analysis.Budgets;
using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Metrics;
using HaSim.Model.Parameters;

namespace HaSim.Reports.Budgets;

/// <summary>The words and numbers every budget report uses (table, Markdown, JUnit), so they say the same thing.</summary>
public static class BudgetText
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>A figure's value in its unit: <c>96.2 s</c>, <c>0 B</c>, <c>0.15%</c>, <c>9.8 min/yr</c>.</summary>
    public static string Value(double value, FigureUnit unit)
    {
        if (double.IsNaN(value))
        {
            return "-";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        return unit switch
        {
            FigureUnit.Seconds => Seconds(value),
            FigureUnit.SecondsPerYear => Seconds(value) + "/yr",
            FigureUnit.Bytes => Units.FormatBytes(value),
            FigureUnit.Fraction => Percent(value),
            FigureUnit.CountPerYear => value.ToString("0.###", C) + "/yr",
            _ => value.ToString("0.##", C),
        };
    }

    /// <summary>A difference in a figure's unit, signed: <c>+12.3 s</c>, <c>-0.02 pp</c>.</summary>
    public static string Difference(double value, FigureUnit unit)
    {
        if (!double.IsFinite(value))
        {
            return Value(value, unit);
        }

        string sign = value > 0 ? "+" : value < 0 ? "-" : "";
        return sign + Amount(Math.Abs(value), unit);
    }

    /// <summary>An amount of a figure's unit (a tolerance, a difference's size): fractions in percentage points, <c>0.00031 pp</c>.</summary>
    public static string Amount(double value, FigureUnit unit)
    {
        if (unit != FigureUnit.Fraction || !double.IsFinite(value))
        {
            return Value(value, unit);
        }

        double points = value * 100;
        int decimals = points == 0 || points >= 0.01 ? 4 : Math.Min(12, (int)Math.Ceiling(-Math.Log10(points)) + 1);
        return points.ToString("0." + new string('#', decimals), C) + " pp";
    }

    /// <summary>An interval: <c>91.0 s .. 101.3 s</c> (or <c>-</c> when undefined).</summary>
    public static string Interval(Estimate e, FigureUnit unit) =>
        double.IsNaN(e.Interval.Lower) && double.IsNaN(e.Interval.Upper) ? "-" : $"{Value(e.Interval.Lower, unit)} .. {Value(e.Interval.Upper, unit)}";

    /// <summary>A signed interval of a difference.</summary>
    public static string DifferenceInterval(Estimate e, FigureUnit unit) =>
        $"{Difference(e.Interval.Lower, unit)} .. {Difference(e.Interval.Upper, unit)}";

    /// <summary>The limit with its relation: <c>&lt;= 120.0 s</c>.</summary>
    public static string Limit(Goal goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return goal.Relation.Symbol() + " " + Value(goal.Limit, goal.Figure.Unit);
    }

    /// <summary>A confidence level as a percentage: <c>97.5%</c>.</summary>
    public static string Level(double level) => (level * 100).ToString("0.####", C) + "%";

    /// <summary>The verdict in capitals, as the table and Markdown show it.</summary>
    public static string Verdict(Verdict verdict) => verdict switch
    {
        Analysis.Budgets.Verdict.Pass => "PASS",
        Analysis.Budgets.Verdict.Fail => "FAIL",
        _ => "INCONCLUSIVE",
    };

    /// <summary>What the sample of a figure counts: incidents, replications, months or years.</summary>
    public static string SampleOf(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (figure.Year is { } year)
        {
            return ReferenceEquals(year, YearFigure.SlaMiss) || ReferenceEquals(year, YearFigure.ExpectedCredit) ? "months"
                : ReferenceEquals(year, YearFigure.DataLossYear) ? "years" : "replications";
        }

        return figure.Metric!.Scope == MetricScope.Run ? "replications" : "incidents";
    }

    /// <summary>The baseline column: <c>unchanged</c>, <c>REGRESSION</c>, <c>improved</c>, <c>STALE</c>, <c>none</c> or <c>not compared</c>.</summary>
    public static string BaselineWord(BaselineComparison c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Status switch
        {
            BaselineStatus.Missing => "none",
            BaselineStatus.Stale => "STALE",
            BaselineStatus.NotComparable => "not compared",
            _ => c.Change switch
            {
                Change.Regression => "REGRESSION",
                Change.Improvement => "improved",
                _ => "unchanged",
            },
        };
    }

    /// <summary>One sentence on the verdict: the figure, its interval and evidence, and how it relates to the limit.</summary>
    public static string VerdictSentence(BudgetOutcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var goal = o.Budget.Goal;
        var unit = goal.Figure.Unit;
        string evidence = Evidence(o);
        string figure = $"{goal.Figure.Label} is {Value(o.Estimate.Value, unit)} ({Level(o.Estimate.Interval.Level)} interval {Interval(o.Estimate, unit)}; {evidence})";
        return o.Verdict switch
        {
            Analysis.Budgets.Verdict.Pass => $"{figure}: the whole interval meets {Limit(goal)}",
            Analysis.Budgets.Verdict.Fail => $"{figure}: the whole interval breaks the limit {Limit(goal)}",
            _ => $"{figure}: the interval straddles the limit {Limit(goal)} at the cap of {o.Cap.ToString(C)} replications; " + Needed(o),
        };
    }

    /// <summary>What it would take to decide an inconclusive budget.</summary>
    public static string Needed(BudgetOutcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.Needed is not { } n)
        {
            return "more replications may not decide it (the estimate is at the limit, or the interval cannot be extrapolated)";
        }

        string set = $"(max_replications: {n.ToString(C)}, or --max-replications {n.ToString(C)})";
        return double.IsInfinity(o.Estimate.Interval.Upper) || double.IsInfinity(o.Estimate.Interval.Lower)
            ? $"the sample is too small for the interval to have a bound on that side: about {n.ToString(C)} replications would give it one {set}, and deciding may take more"
            : $"about {n.ToString(C)} replications would decide it {set}";
    }

    /// <summary>The evidence: sample, replications, look and seed.</summary>
    public static string Evidence(BudgetOutcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var s = o.Budget.Subject;
        string runs = s.IsScripted ? "scripted replays" : $"replications of {s.Years?.ToString("0.###", C)} year{(s.Years == 1 ? "" : "s")}";
        return $"n = {o.Estimate.SampleSize.ToString(C)} {SampleOf(o.Budget.Goal.Figure)} from {o.Replications.ToString(C)} {runs}, seed {o.Seed.ToString(C)}, look {o.Look.ToString(C)}";
    }

    /// <summary>One sentence on the baseline comparison, or null when there is nothing to say (no baseline).</summary>
    public static string? BaselineSentence(BudgetOutcome o, string budgetsFile)
    {
        ArgumentNullException.ThrowIfNull(o);
        var c = o.Baseline;
        var unit = o.Budget.Goal.Figure.Unit;
        return c.Status switch
        {
            BaselineStatus.Missing => null,
            BaselineStatus.Stale => $"the baseline {c.File} is stale: {c.Reason}; run 'hasim baseline update {budgetsFile}' after checking the change is intended",
            BaselineStatus.NotComparable => $"not compared with the baseline {c.File}: {c.Reason}",
            _ => $"{(c.Change == Change.Regression ? "regression" : c.Change == Change.Improvement ? "improvement" : "no change")} against the baseline "
                + $"({Value(c.Baseline!.Estimate.Value, unit)}, hasim {c.Baseline.HasimVersion}): this run minus baseline {Difference(c.Difference!.Value, unit)} "
                + $"({Level(c.Difference.Interval.Level)} interval {DifferenceInterval(c.Difference, unit)}, paired over {c.Difference.SampleSize.ToString(C)} batches of the same {c.Baseline.Replications.ToString(C)} replications), tolerance {Amount(c.Tolerance, unit)}"
                + (c.Change == Change.Improvement ? $"; update the baseline to keep it: hasim baseline update {budgetsFile}" : ""),
        };
    }

    private static string Seconds(double seconds) =>
        Math.Abs(seconds) < 10 && seconds != 0 ? seconds.ToString("0.00", C) + " s" : Units.FormatSeconds(seconds);

    private static string Percent(double fraction)
    {
        if (fraction == 0 || fraction == 1)
        {
            return fraction == 0 ? "0%" : "100%";
        }

        double p = fraction * 100;
        double small = Math.Min(Math.Abs(p), Math.Abs(100 - p));
        int decimals = small >= 1 ? 2 : Math.Clamp((int)Math.Ceiling(-Math.Log10(small)) + 1, 2, 8);
        return p.ToString("F" + decimals.ToString(C), C) + "%";
    }
}
