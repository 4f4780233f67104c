using System.Globalization;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;
using HaSim.Model.Presets;
using HaSim.Scenarios.Running;

namespace HaSim.Analysis.Budgets;

/// <summary>How a check runs: threads, and what the command overrides.</summary>
/// <param name="Threads">Worker threads (at least 1); results are the same for any number.</param>
/// <param name="Seed">A root seed for every budget, overriding the file's.</param>
/// <param name="MaxReplications">An escalation cap for every budget, overriding the file's.</param>
/// <param name="BaselineDirectory">Where the baselines are, or null to compare with none.</param>
/// <param name="Log">Receives a line per look, for progress.</param>
public sealed record CheckOptions(int Threads = 1, ulong? Seed = null, long? MaxReplications = null, string? BaselineDirectory = null, Action<string>? Log = null);

/// <summary>
/// Judges budgets: runs each subject's replications look by look (doubling, see
/// <see cref="SequentialPlan"/>) until every budget on it has a verdict, and compares each figure
/// with its baseline on the same replications.
/// </summary>
/// <remarks>
/// <para>Budgets on the same subject (scenario or preset, replication mode, seed and first look)
/// share replications. Replication i is seeded from (seed, i) only, belongs to batch i mod
/// <see cref="Batches"/>, and every sample merges exactly, so every figure, verdict and replication
/// count is byte-identical for any number of threads.</para>
/// <para><b>Regressions</b> use common random numbers: the baseline was made from replications
/// 0 .. n−1 of the same seed, and the check measures the figure on the same replications, batch by
/// batch. The paired differences of the batches' figures (this run minus baseline) get a Student t
/// interval at the budget's confidence; a regression is a difference worse than the tolerance over the
/// whole interval, an improvement one better than the tolerance over the whole interval.</para>
/// </remarks>
public static class BudgetRunner
{
    /// <summary>How many batches the replications are split into for baselines and regressions.</summary>
    public const int Batches = 20;

    /// <summary>Judges every budget of <paramref name="file"/>.</summary>
    /// <exception cref="Scenarios.Diagnostics.ScenarioException">A baseline file is not valid.</exception>
    public static CheckResult Run(BudgetFile file, CheckOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1);
        var outcomes = new BudgetOutcome[file.Budgets.Count];
        var groups = file.Budgets
            .Select((budget, index) => new Pending(budget, index, options))
            .GroupBy(p => p.GroupKey, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            RunGroup([.. group], options, outcomes, cancellation);
        }

        return new CheckResult(file, outcomes, options.Seed);
    }

    private static void RunGroup(List<Pending> budgets, CheckOptions options, BudgetOutcome[] outcomes, CancellationToken cancellation)
    {
        var first = budgets[0];
        var subject = first.Budget.Subject;
        ulong seed = first.Seed;
        long start = first.Budget.Replications;
        var figures = new List<Figure>();
        foreach (var p in budgets)
        {
            int k = figures.FindIndex(f => f.Key == p.Budget.Goal.Figure.Key);
            if (k < 0)
            {
                k = figures.Count;
                figures.Add(p.Budget.Goal.Figure);
            }

            p.Figure = k;
        }

        var settings = subject.Years is { } y
            ? new MonteCarloSettings(y, MonteCarloSettings.MaxReplications, seed, Preset.SlaTargetOf(subject.Scenario.Parameters), subject.Scenario.Preset.ServiceLevel.CreditTiers)
            : null;
        var batches = Enumerable.Range(0, Batches).Select(_ => BudgetSample.Create(figures, settings)).ToArray();
        long done = 0;
        for (int look = 1; budgets.Any(p => p.Open(done)); look++)
        {
            long target = start << (look - 1);
            RunReplications(subject, seed, done, target, batches, options.Threads, cancellation);
            done = target;
            var total = batches[0].Empty();
            foreach (var b in batches)
            {
                total.Merge(b);
            }

            foreach (var p in budgets)
            {
                p.Look(look, done, total, batches);
            }

            options.Log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"{subject.Display}{(subject.Years is { } years ? $" ({years} y)" : "")}: look {look}, {done} replications, {budgets.Count(p => p.Outcome is not null)} of {budgets.Count} budgets decided"));
        }

        foreach (var p in budgets)
        {
            outcomes[p.Index] = p.Outcome! with { Baseline = p.Comparison };
        }
    }

    /// <summary>Runs replications [from, to) of <paramref name="subject"/> and adds each to its batch.</summary>
    private static void RunReplications(BudgetSubject subject, ulong seed, long from, long to, BudgetSample[] batches, int threads, CancellationToken cancellation)
    {
        var scenario = subject.Scenario;
        var workers = MonteCarloRunner.StartWorkers(to - from, threads, cancellation, () =>
        {
            var own = batches.Select(b => b.Empty()).ToArray();
            var observers = own.Select(b => b.Observe()).ToArray();
            return (own, (Action<long>)(k =>
            {
                long i = from + k;
                var observer = observers[(int)(i % Batches)];
                observer.Begin();
                if (subject.Years is { } years)
                {
                    ReplicationRunner.Run(scenario, seed, i, years, observer);
                }
                else
                {
                    ScriptedReplicationRunner.Run(scenario, seed, i, observer);
                }

                observer.Complete();
            }));
        });
        foreach (var w in workers)
        {
            for (int b = 0; b < Batches; b++)
            {
                batches[b].Merge(w[b]);
            }
        }
    }

    /// <summary>One budget's progress through the looks.</summary>
    private sealed class Pending
    {
        private readonly SequentialPlan _plan;
        private readonly Baseline? _compareWith;
        private bool _comparing;

        public Pending(Budget budget, int index, CheckOptions options)
        {
            Budget = budget;
            Index = index;
            Seed = options.Seed ?? budget.Seed;
            long cap = Math.Max(budget.Replications, options.MaxReplications ?? budget.MaxReplications);
            _plan = new SequentialPlan(budget.Replications, cap, budget.Goal.Confidence);
            var s = budget.Subject;
            GroupKey = string.Join('|', s.Display, s.Identity.Hash, s.Years?.ToString("R", CultureInfo.InvariantCulture) ?? "scripted",
                Seed.ToString(CultureInfo.InvariantCulture), budget.Replications.ToString(CultureInfo.InvariantCulture));

            string file = options.BaselineDirectory is { } dir ? BaselineStore.PathOf(dir, budget) : "";
            var baseline = options.BaselineDirectory is null ? null : BaselineStore.Read(file);
            Comparison = BaselineComparison.None(file);
            if (baseline is not null)
            {
                if (baseline.StaleReason(budget) is { } reason)
                {
                    Comparison = new BaselineComparison(BaselineStatus.Stale, reason, baseline, file, null, 0, null);
                }
                else if (baseline.Seed != Seed)
                {
                    Comparison = new BaselineComparison(BaselineStatus.NotComparable, $"the baseline ran seed {baseline.Seed}, this check seed {Seed}: common random numbers need the same seed", baseline, file, null, 0, null);
                }
                else if (!IsOnSchedule(baseline.Replications))
                {
                    Comparison = new BaselineComparison(BaselineStatus.Stale, $"the baseline rests on {baseline.Replications} replications, not a look of this budget's schedule", baseline, file, null, 0, null);
                }
                else
                {
                    _compareWith = baseline;
                    _comparing = true;
                    Comparison = new BaselineComparison(BaselineStatus.NotComparable, $"the check stopped before the baseline's {baseline.Replications} replications", baseline, file, null, 0, null);
                }
            }
        }

        public Budget Budget { get; }

        public int Index { get; }

        public ulong Seed { get; }

        public string GroupKey { get; }

        public int Figure { get; set; }

        public BudgetOutcome? Outcome { get; private set; }

        public BaselineComparison Comparison { get; private set; }

        /// <summary>Whether the budget still needs replications beyond <paramref name="done"/>.</summary>
        public bool Open(long done) => Outcome is null || (_comparing && _compareWith!.Replications > done);

        public void Look(int look, long done, BudgetSample total, BudgetSample[] batches)
        {
            var figure = Budget.Goal.Figure;
            if (Outcome is null)
            {
                var estimate = total.Estimate(Figure, figure, _plan.LevelAt(look));
                var verdict = Budget.Goal.Judge(estimate.Interval);
                if (verdict != Verdict.Inconclusive || look >= _plan.Looks)
                {
                    long? needed = verdict == Verdict.Inconclusive ? Needed(look, estimate) : null;
                    Outcome = new BudgetOutcome(Budget, verdict, estimate, look, done, Seed, _plan.Cap, needed, BatchValues(batches), Comparison);
                }
            }

            if (_comparing && _compareWith!.Replications == done)
            {
                _comparing = false;
                Comparison = Compare(_compareWith, BatchValues(batches));
            }
        }

        private double[] BatchValues(BudgetSample[] batches)
        {
            var figure = Budget.Goal.Figure;
            return [.. batches.Select(b => b.Estimate(Figure, figure, Budget.Goal.Confidence).Value)];
        }

        private BaselineComparison Compare(Baseline baseline, double[] current)
        {
            var diffs = new List<double>();
            for (int b = 0; b < Batches; b++)
            {
                if (double.IsFinite(current[b]) && double.IsFinite(baseline.Batches[b]))
                {
                    diffs.Add(current[b] - baseline.Batches[b]);
                }
            }

            string file = Comparison.File;
            if (diffs.Count < 2)
            {
                return new BaselineComparison(BaselineStatus.NotComparable, $"only {diffs.Count} of {Batches} batches have data in both runs", baseline, file, null, 0, null);
            }

            var difference = Estimate.MeanOf(diffs, Budget.Goal.Confidence);
            double reference = baseline.Estimate.Value;
            double tolerance = Budget.Regression.For(double.IsFinite(reference) ? reference : 0, Budget.Goal);
            int worse = Budget.Goal.WorseDirection(reference);
            double lowest = worse > 0 ? difference.Interval.Lower : -difference.Interval.Upper;
            double highest = worse > 0 ? difference.Interval.Upper : -difference.Interval.Lower;
            var change = lowest > tolerance ? Change.Regression : highest < -tolerance ? Change.Improvement : Change.Unchanged;
            return new BaselineComparison(BaselineStatus.Compared, null, baseline, file, difference, tolerance, change);
        }

        private long? Needed(int look, Estimate estimate)
        {
            var i = estimate.Interval;
            double limit = Budget.Goal.Limit;
            double halfWidth = limit >= i.Estimate ? i.Upper - i.Estimate : i.Estimate - i.Lower;
            var statistic = Budget.Goal.Figure.Statistic;
            if (double.IsInfinity(halfWidth) && statistic?.Kind == StatisticKind.Quantile)
            {
                double perReplication = (double)estimate.SampleSize / _plan.ReplicationsAt(look);
                return _plan.ReplicationsToBound(look, limit >= i.Estimate ? statistic.Parameter : 1 - statistic.Parameter, perReplication);
            }

            return _plan.ReplicationsToDecide(look, halfWidth, Math.Abs(limit - i.Estimate));
        }

        private bool IsOnSchedule(long replications)
        {
            for (long n = Budget.Replications; n <= replications; n *= 2)
            {
                if (n == replications)
                {
                    return true;
                }

                if (n > long.MaxValue / 2)
                {
                    break;
                }
            }

            return false;
        }
    }
}
