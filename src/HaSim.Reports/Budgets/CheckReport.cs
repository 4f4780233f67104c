using System.Globalization;
using System.Text;
using HaSim.Analysis.Budgets;
using HaSim.Reports.Text;

namespace HaSim.Reports.Budgets;

/// <summary>The readable result of <c>hasim check</c> and <c>hasim baseline update</c>: one row per budget, then what failed and why.</summary>
public static class CheckReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Renders <paramref name="result"/>; <paramref name="outcomeWord"/> is the overall result (PASS, FAIL, ...).</summary>
    public static string Render(CheckResult result, string outcomeWord)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        var file = result.File;
        sb.Append(C, $"Budgets   {file.Path}: {file.Budgets.Count} budget{(file.Budgets.Count == 1 ? "" : "s")}{(result.SeedOverride is { } s ? $", seed {s} for all" : "")}\n");
        sb.Append("          a budget passes (fails) when its whole interval meets (breaks) the\n");
        sb.Append("          limit; replications double up to the cap while it is inconclusive,\n");
        sb.Append("          and look k judges the interval at level 1 - alpha/2^k, so all looks\n");
        sb.Append("          together keep the budget's confidence (alpha spending)\n\n");

        var t = new TextTable("budget", "figure", ">estimate", ">?interval", "limit", "verdict", ">?replications", "?baseline");
        foreach (var o in result.Outcomes)
        {
            var unit = o.Budget.Goal.Figure.Unit;
            t.Add(o.Budget.Name, o.Budget.Goal.Figure.Label, BudgetText.Value(o.Estimate.Value, unit), BudgetText.Interval(o.Estimate, unit),
                BudgetText.Limit(o.Budget.Goal), BudgetText.Verdict(o.Verdict), o.Replications.ToString(C), BudgetText.BaselineWord(o.Baseline));
        }

        sb.Append(t.Render());
        var notable = result.Outcomes.Where(o => o.Verdict != Verdict.Pass || o.Baseline.Status is BaselineStatus.Stale or BaselineStatus.NotComparable || o.Baseline.Change is Change.Regression or Change.Improvement).ToList();
        if (notable.Count > 0)
        {
            sb.Append('\n');
            foreach (var o in notable)
            {
                sb.Append(C, $"  {o.Budget.Name} ({file.Path}:{o.Budget.Line}): {BudgetText.Verdict(o.Verdict)}\n");
                sb.Append("    ").Append(BudgetText.VerdictSentence(o)).Append('\n');
                if (BudgetText.BaselineSentence(o, file.Path) is { } b)
                {
                    sb.Append("    ").Append(b).Append('\n');
                }
            }
        }

        int withExpectations = result.File.Budgets.Select(b => b.Subject.Scenario).Distinct().Count(s => s.Expectations.Count > 0);
        if (withExpectations > 0)
        {
            sb.Append(C, $"\n  note: {withExpectations} scenario{(withExpectations == 1 ? " has" : "s have")} expect: entries; hasim check judges the budgets only ('hasim run FILE' checks expectations)\n");
        }

        sb.Append(C, $"\nResult    {outcomeWord}: {Counts(result)}\n");
        return TextWrap.Fit(sb.ToString());
    }

    /// <summary>The counts line: passes, failures, inconclusive, regressions, improvements, stale and missing baselines.</summary>
    public static string Counts(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Create(C, $"{result.Passed} pass, {result.Failed} fail, {result.Inconclusive} inconclusive; {result.Regressions} regression{(result.Regressions == 1 ? "" : "s")}, "
            + $"{result.Improvements} improvement{(result.Improvements == 1 ? "" : "s")}, {result.Stale} stale baseline{(result.Stale == 1 ? "" : "s")}, {result.MissingBaselines} without a baseline");
    }
}
