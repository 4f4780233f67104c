using System.Globalization;
using HaSim.Analysis.MonteCarlo;
using HaSim.Scenarios.Fleet;

namespace HaSim.Analysis.Fleet;

/// <summary>The work a fleet run may ask for, checked before it starts, as <see cref="RunBudget"/> does for one database.</summary>
public static class FleetBudget
{
    /// <summary>Throws unless the run fits <paramref name="maxFailures"/> and every counter's range.</summary>
    /// <param name="fleet">The fleet.</param>
    /// <param name="years">Years per replication, or null for replays of the timeline.</param>
    /// <param name="replications">The replications this process runs (a shard's share).</param>
    /// <param name="maxFailures">The budget of expected failures and faulted databases.</param>
    /// <param name="flag">The option that raises the budget, for the message.</param>
    /// <exception cref="WorkBudgetException">The run exceeds the budget or a counter's range.</exception>
    public static void Check(FleetScenario fleet, double? years, long replications, long maxFailures, string flag)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var c = CultureInfo.InvariantCulture;
        double seconds = (years ?? 0) * Model.Parameters.Units.SecondsPerYear;
        foreach (var g in fleet.Groups)
        {
            double maxRate = g.Workload.Wal.Steps.Max(step => step.BytesPerSecond);
            if (maxRate * seconds > RunBudget.MaxBytes)
            {
                throw new WorkBudgetException(string.Create(c,
                    $"{fleet.FilePath}: group '{g.Name}': a replication of {years:G6} years writes up to {maxRate * seconds:G3} B of WAL per database, more than the {RunBudget.MaxBytes:G2} B a data-loss figure can hold; use at most --years {Math.Floor(RunBudget.MaxBytes / maxRate / Model.Parameters.Units.SecondsPerYear):F0} or a lower workload.wal_rate"));
            }
        }

        double expected = FleetWorkEstimate.ExpectedFailures(fleet, years, replications);
        if (expected > maxFailures)
        {
            throw new WorkBudgetException(string.Create(c,
                $"{fleet.FilePath}: this fleet run expects about {expected:G3} random failures and faulted databases ({fleet.DatabaseCount} databases, {FleetWorkEstimate.FailuresPerYear(fleet):G3} failures a year, {replications} replications), more than the budget of {maxFailures:G3}. "
                + $"Use fewer --years or --replications, or a smaller fleet; to run it anyway, raise the budget with {flag} {Math.Ceiling(expected).ToString("0", c)}"));
        }
    }
}
