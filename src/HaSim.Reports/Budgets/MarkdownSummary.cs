using System.Globalization;
using System.Text;
using HaSim.Analysis.Budgets;

namespace HaSim.Reports.Budgets;

/// <summary>The result of <c>hasim check --markdown FILE</c>: a summary for CI job pages (GitHub's <c>$GITHUB_STEP_SUMMARY</c>, a merge-request comment).</summary>
public static class MarkdownSummary
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The Markdown text of <paramref name="result"/>; <paramref name="outcomeWord"/> is the overall result.</summary>
    public static string Write(CheckResult result, string outcomeWord)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.Append(C, $"### HaSim budgets: {outcomeWord}\n\n");
        sb.Append(C, $"`{Cell(result.File.Path)}`: {CheckReport.Counts(result)}.\n\n");
        sb.Append("| budget | figure | estimate | interval | limit | verdict | replications | baseline |\n");
        sb.Append("|---|---|---:|---:|---|---|---:|---|\n");
        foreach (var o in result.Outcomes)
        {
            var unit = o.Budget.Goal.Figure.Unit;
            sb.Append(C, $"| `{Cell(o.Budget.Name)}` | {Cell(o.Budget.Goal.Figure.Label)} | {Cell(BudgetText.Value(o.Estimate.Value, unit))} | {Cell(BudgetText.Interval(o.Estimate, unit))} | "
                + $"{Cell(BudgetText.Limit(o.Budget.Goal))} | {Mark(o)} | {o.Replications} | {Cell(BudgetText.BaselineWord(o.Baseline))} |\n");
        }

        var notable = result.Outcomes.Where(o => o.Verdict != Verdict.Pass || o.Baseline.Status is BaselineStatus.Stale or BaselineStatus.NotComparable || o.Baseline.Change is Change.Regression or Change.Improvement).ToList();
        if (notable.Count > 0)
        {
            sb.Append("\n");
            foreach (var o in notable)
            {
                sb.Append(C, $"- **{Cell(o.Budget.Name)}** ({BudgetText.Verdict(o.Verdict)}): {Cell(BudgetText.VerdictSentence(o))}");
                if (BudgetText.BaselineSentence(o, result.File.Path) is { } b)
                {
                    sb.Append(C, $"; {Cell(b)}");
                }

                sb.Append('\n');
            }
        }

        sb.Append("\nA budget passes (fails) when its whole confidence interval meets (breaks) the limit; an inconclusive one ran up to its cap of replications. "
            + "Look k judges the interval at level 1 - alpha/2^k, so repeated looks keep each budget's confidence.\n");
        return sb.ToString();
    }

    private static string Mark(BudgetOutcome o) => o.Verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Fail => "**FAIL**",
        _ => "*inconclusive*",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
