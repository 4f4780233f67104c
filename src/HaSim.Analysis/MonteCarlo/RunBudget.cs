using System.Globalization;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>A run would exceed its work budget or a counter's range; the message says by how much and how to proceed.</summary>
public sealed class WorkBudgetException(string message) : Exception(message);

/// <summary>
/// The work a Monte Carlo run may ask for, checked before it starts: the random failures it is
/// expected to simulate (from the failure rates, the years and the replications) within a budget the
/// user can raise deliberately, and the WAL one replication writes within the range of the byte sums.
/// </summary>
public static class RunBudget
{
    /// <summary>The default budget: a billion expected random failures, roughly an hour of one core.</summary>
    public const long DefaultMaxFailures = 1_000_000_000;

    /// <summary>Above this many expected failures the run is announced with its estimate before it starts.</summary>
    public const double AnnounceAbove = 10_000_000;

    /// <summary>The most bytes a single figure may hold (the byte sums count whole bytes in 63 bits).</summary>
    public const double MaxBytes = 9.2e18;

    /// <summary>The random failures <paramref name="replications"/> replications of <paramref name="years"/> years of every scenario are expected to simulate.</summary>
    public static double ExpectedFailures(IEnumerable<Scenario> scenarios, double years, long replications)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        return scenarios.Sum(s => (WorkEstimate.FailuresPerYear(s) * years) + s.Timeline.Count) * replications;
    }

    /// <summary>Throws unless the run fits <paramref name="maxFailures"/> and every counter's range.</summary>
    /// <param name="scenarios">The scenarios the run simulates (one, or several for a comparison).</param>
    /// <param name="years">Years per replication.</param>
    /// <param name="replications">The replications this process runs (a shard's share).</param>
    /// <param name="maxFailures">The budget of expected random failures.</param>
    /// <param name="flag">The option that raises the budget, for the message.</param>
    /// <exception cref="WorkBudgetException">The run exceeds the budget or a counter's range.</exception>
    public static void Check(IReadOnlyList<Scenario> scenarios, double years, long replications, long maxFailures, string flag)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var c = CultureInfo.InvariantCulture;
        double seconds = years * Model.Parameters.Units.SecondsPerYear;
        foreach (var s in scenarios)
        {
            double maxRate = s.Workload.Wal.Steps.Max(step => step.BytesPerSecond);
            if (maxRate * seconds > MaxBytes)
            {
                throw new WorkBudgetException(string.Create(c,
                    $"{s.FilePath}: a replication of {years:G6} years writes up to {maxRate * seconds:G3} B of WAL at {maxRate:G4} B/s, more than the {MaxBytes:G2} B a data-loss figure can hold; use at most --years {Math.Floor(MaxBytes / maxRate / Model.Parameters.Units.SecondsPerYear):F0} or a lower workload.wal_rate"));
            }
        }

        double expected = ExpectedFailures(scenarios, years, replications);
        if (expected > maxFailures)
        {
            var largest = scenarios.Select(s => (Scenario: s, Largest: WorkEstimate.Largest(s))).Where(x => x.Largest is not null).MaxBy(x => x.Largest!.Value.PerYear);
            string cause = largest.Largest is { } l
                ? string.Create(c, $"; most come from {l.Parameter} in {largest.Scenario.FilePath} ({l.PerYear:G3} a year over {l.Targets} target{(l.Targets == 1 ? "" : "s")})")
                : "";
            double perYear = scenarios.Sum(WorkEstimate.FailuresPerYear);
            throw new WorkBudgetException(string.Create(c,
                $"this run expects {WorkEstimate.Describe(expected, perYear, years * replications)}, more than the budget of {maxFailures:G3}{cause}. "
                + $"Check the failure intervals, or fewer --years or --replications; to run it anyway, raise the budget with {flag} {RoundUp(expected)}"));
        }
    }

    private static string RoundUp(double expected)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(expected)));
        double rounded = Math.Ceiling(expected / magnitude) * magnitude;
        return rounded >= 9e18 ? long.MaxValue.ToString(CultureInfo.InvariantCulture) : ((long)rounded).ToString(CultureInfo.InvariantCulture);
    }
}
