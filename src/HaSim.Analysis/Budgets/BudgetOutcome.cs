using HaSim.Analysis.MonteCarlo;

namespace HaSim.Analysis.Budgets;

/// <summary>How a budget's figure compares with its baseline.</summary>
public enum BaselineStatus
{
    /// <summary>No baseline file for the budget.</summary>
    Missing,

    /// <summary>The baseline answers a different question (the scenario or the figure changed): not used.</summary>
    Stale,

    /// <summary>The baseline is current but cannot be paired with this run (another seed, too few batches with data).</summary>
    NotComparable,

    /// <summary>The figure was compared with the baseline on the same seeds.</summary>
    Compared,
}

/// <summary>What a comparison with the baseline found.</summary>
public enum Change
{
    /// <summary>The paired difference lies within the tolerance, or the data cannot tell.</summary>
    Unchanged,

    /// <summary>Worse than the baseline by more than the tolerance, with confidence.</summary>
    Regression,

    /// <summary>Better than the baseline by more than the tolerance, with confidence.</summary>
    Improvement,
}

/// <summary>The comparison of a budget's figure with its baseline.</summary>
/// <param name="Status">Whether a comparison was made, and if not why.</param>
/// <param name="Reason">Why the baseline is stale or not comparable, or null.</param>
/// <param name="Baseline">The baseline read, if any.</param>
/// <param name="File">The baseline file's path.</param>
/// <param name="Difference">This run minus the baseline, paired over batches of the same replications (Student t interval), in the figure's unit.</param>
/// <param name="Tolerance">The tolerance in the figure's unit.</param>
/// <param name="Change">What the comparison found (null unless compared).</param>
public sealed record BaselineComparison(BaselineStatus Status, string? Reason, Baseline? Baseline, string File, Estimate? Difference, double Tolerance, Change? Change)
{
    /// <summary>The comparison of a budget with no baseline file.</summary>
    public static BaselineComparison None(string file) => new(BaselineStatus.Missing, null, null, file, null, 0, null);
}

/// <summary>What the check found for one budget.</summary>
/// <param name="Budget">The budget.</param>
/// <param name="Verdict">Pass, fail or inconclusive.</param>
/// <param name="Estimate">The figure's estimate and its interval at the level of the deciding look, with the sample size (incidents, replications, months or years).</param>
/// <param name="Look">The look that gave the verdict (1-based).</param>
/// <param name="Replications">Replications at that look.</param>
/// <param name="Seed">The root seed the replications ran with.</param>
/// <param name="Cap">The escalation cap that applied.</param>
/// <param name="Needed">For an inconclusive verdict, roughly how many replications would decide it (null if the estimate sits on the limit or cannot be extrapolated).</param>
/// <param name="Batches">The figure in each of the <see cref="BudgetRunner.Batches"/> batches of replications (NaN where a batch has no data), for baselines.</param>
/// <param name="Baseline">The comparison with the baseline.</param>
public sealed record BudgetOutcome(
    Budget Budget,
    Verdict Verdict,
    Estimate Estimate,
    int Look,
    long Replications,
    ulong Seed,
    long Cap,
    long? Needed,
    IReadOnlyList<double> Batches,
    BaselineComparison Baseline)
{
    /// <summary>Whether the comparison with the baseline should fail the check: a regression, or a stale baseline.</summary>
    public bool BaselineFails => Baseline.Status == BaselineStatus.Stale || Baseline.Change == Change.Regression;
}

/// <summary>Everything a check found, budgets in file order.</summary>
/// <param name="File">The budgets file.</param>
/// <param name="Outcomes">One outcome per budget.</param>
/// <param name="SeedOverride">The seed the command set for every budget, if any.</param>
public sealed record CheckResult(BudgetFile File, IReadOnlyList<BudgetOutcome> Outcomes, ulong? SeedOverride)
{
    /// <summary>Budgets that passed.</summary>
    public int Passed => Outcomes.Count(o => o.Verdict == Verdict.Pass);

    /// <summary>Budgets that failed.</summary>
    public int Failed => Outcomes.Count(o => o.Verdict == Verdict.Fail);

    /// <summary>Budgets whose evidence stayed inconclusive up to their cap.</summary>
    public int Inconclusive => Outcomes.Count(o => o.Verdict == Verdict.Inconclusive);

    /// <summary>Budgets worse than their baseline by more than their tolerance.</summary>
    public int Regressions => Outcomes.Count(o => o.Baseline.Change == Change.Regression);

    /// <summary>Budgets better than their baseline by more than their tolerance.</summary>
    public int Improvements => Outcomes.Count(o => o.Baseline.Change == Change.Improvement);

    /// <summary>Budgets whose baseline is stale.</summary>
    public int Stale => Outcomes.Count(o => o.Baseline.Status == BaselineStatus.Stale);

    /// <summary>Budgets without a baseline.</summary>
    public int MissingBaselines => Outcomes.Count(o => o.Baseline.Status == BaselineStatus.Missing);

    /// <summary>Whether any budget failed, regressed or has a stale baseline.</summary>
    public bool AnyFailure => Outcomes.Any(o => o.Verdict == Verdict.Fail || o.BaselineFails);
}
