using System.Globalization;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;

namespace HaSim.Analysis.Fleet;

/// <summary>
/// Consistency checks on a fleet accumulator read from a file, beyond the per-database checks of
/// each group: one peak and one downtime per replication, no more databases down than the fleet
/// has, no negative time, count or share, per event kind no more incomplete or timed events than
/// events, and per pool no more misses or waits than requests.
/// </summary>
internal static class FleetAccumulatorChecks
{
    /// <summary>The first inconsistency found in <paramref name="a"/>, or null.</summary>
    public static string? Problem(FleetAccumulator a)
    {
        var c = CultureInfo.InvariantCulture;
        long reps = a.Replications;
        if (reps < 0 || a.PeakDown.Count != reps || a.DowntimeSeconds.Count != reps
            || a.PerDatabase.Zip(a.Groups).Any(p => p.First.Replications != reps * p.Second.Count))
        {
            return "the replication counts are inconsistent";
        }

        if ((Figure(a.PeakDown, a.Databases) ?? Figure(a.DowntimeSeconds, a.Databases * Math.Max(a.Settings.RunSeconds, a.Settings.HorizonSeconds))
            ?? Figure(a.MonthDowntime, double.MaxValue) ?? Figure(a.MonthShareMet, 1)) is { } fleetProblem)
        {
            return "fleet figures: " + fleetProblem;
        }

        if (a.MonthDowntimePerReplication.SumQuanta < 0 || a.ShareMetPerReplication.SumQuanta < 0)
        {
            return "fleet months: a negative sum";
        }

        foreach (var (kind, e) in a.Events)
        {
            if (e.Events < 0 || e.Unrecovered < 0 || e.CurveEvents < 0 || e.CurveEvents > e.Events || e.Affected.Count > e.Events
                || e.Incomplete.Any(x => x < 0 || x > e.Events) || e.RtoByReplication.Any(m => m.Count > a.Replications) || e.TimeTo.Any(t => t.Count > e.Events)
                || (Figure(e.Affected, a.Databases) ?? Figure(e.Rto, double.MaxValue) ?? e.TimeTo.Select(t => Figure(t, double.MaxValue)).FirstOrDefault(p => p is not null)) is not null
                || e.Down.Any(d => d.SumQuanta < 0) || e.DownShare.Any(d => d.SumQuanta < 0 || d.Sum > e.CurveEvents + (d.Count * d.Resolution)))
            {
                return string.Create(c, $"event kind '{kind}': its counts, times or curve are impossible");
            }
        }

        foreach (var (key, p) in a.Pools)
        {
            if (!(p.Capacity >= 0) || p.Requests.SumQuanta < 0 || p.Misses.SumQuanta < 0 || p.Waited.SumQuanta < 0
                || p.Misses.SumQuanta > p.Requests.SumQuanta || p.Waited.SumQuanta > p.Requests.SumQuanta
                || p.MissShare.SumQuanta < 0 || p.MissShare.Sum > p.MissShare.Count + (p.MissShare.Count * p.MissShare.Resolution)
                || (Figure(p.PeakInUse, double.MaxValue) ?? Figure(p.WaitSeconds, double.MaxValue) ?? Figure(p.MaxWaitSeconds, double.MaxValue) ?? Figure(p.PeakWaiting, double.MaxValue)) is not null)
            {
                return string.Create(c, $"pool '{key}': its requests, misses, waits or peaks are impossible");
            }
        }

        return null;
    }

    /// <summary>A figure's moments and sketch agree, nothing negative, nothing above <paramref name="max"/>.</summary>
    private static string? Figure(StatisticAccumulator s, double max) =>
        AccumulatorChecks.Statistic("a figure", s) ?? (s.Count > 0 && s.Moments.Max > max ? "a value above its bound" : null);
}
