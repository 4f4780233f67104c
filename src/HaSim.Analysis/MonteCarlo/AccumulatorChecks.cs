using System.Globalization;
using HaSim.Analysis.Statistics;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>
/// Consistency checks on an accumulator read from a file: what adding replications can produce.
/// Counts agree with each other (incidents per mode add up to the total, every per-replication sum
/// has one value per replication, every month is counted), sums agree with their counts, minima and
/// maxima, and no duration, size or count is negative or longer than the replications that hold it.
/// </summary>
internal static class AccumulatorChecks
{
    /// <summary>The first inconsistency found in <paramref name="a"/>, or null.</summary>
    public static string? Problem(MonteCarloAccumulator a)
    {
        var c = CultureInfo.InvariantCulture;
        long reps = a.Replications;
        double horizon = a.Settings.HorizonSeconds;
        long months = reps * a.Settings.MonthsPerReplication;
        if (reps < 0 || a.Incidents < 0 || a.Unrecovered < 0 || a.Unrecovered > a.Incidents)
        {
            return "negative counts, or more unrecovered incidents than incidents";
        }

        if ((Sum("downtime per replication", a.DowntimePerReplication, reps, horizon)
            ?? Sum("incidents per replication", a.IncidentsPerReplication, reps, double.MaxValue)) is { } d)
        {
            return d;
        }

        if (a.IncidentsPerReplication.SumQuanta != a.Incidents)
        {
            return "the incidents per replication do not add up to the incidents";
        }

        long modeIncidents = 0, modeUnrecovered = 0;
        foreach (var (name, m) in a.Modes)
        {
            modeIncidents += m.Incidents;
            modeUnrecovered += m.Unrecovered;
            if (m.Incidents < 0 || m.Unrecovered < 0 || m.Unrecovered > m.Incidents || m.IncidentsPerReplication.SumQuanta != m.Incidents)
            {
                return string.Create(c, $"failure mode '{name}': its incident counts disagree");
            }

            if ((Sum($"failure mode '{name}' incidents", m.IncidentsPerReplication, -reps, double.MaxValue)
                ?? Sum($"failure mode '{name}' downtime", m.DowntimePerReplication, -reps, horizon)) is { } p1)
            {
                return p1;
            }

            foreach (var figure in m.Figures)
            {
                if (figure.Count > m.Incidents || Statistic($"failure mode '{name}'", figure) is not null)
                {
                    return string.Create(c, $"failure mode '{name}': a figure holds more values than incidents, or negative ones");
                }
            }
        }

        if (modeIncidents != a.Incidents || modeUnrecovered != a.Unrecovered)
        {
            return "the incidents of the failure modes do not add up to the incidents";
        }

        foreach (var (name, s) in a.Stages)
        {
            if (s.Occurrences < 0 || s.Duration.Count != s.Occurrences || Statistic($"stage '{name}'", s.Duration) is not null)
            {
                return string.Create(c, $"stage '{name}': its occurrences and durations disagree, or a duration is negative");
            }

            if (Sum($"stage '{name}' downtime", s.DowntimePerReplication, -reps, double.MaxValue) is { } p)
            {
                return p;
            }
        }

        foreach (var (name, g) in a.Degraded)
        {
            if (g.Intervals < 0 || Sum($"degraded '{name}'", g.PerReplication, -reps, horizon) is not null)
            {
                return string.Create(c, $"degraded kind '{name}': negative or impossible time");
            }
        }

        if (a.MonthDowntime.Count != months || Statistic("monthly downtime", a.MonthDowntime) is not null
            || (months > 0 && a.MonthDowntime.Moments.Max > MonteCarloSettings.MonthSeconds))
        {
            return "the monthly downtime does not match the months, or is negative or longer than a month";
        }

        foreach (var p in a.Bands.Concat(a.Tiers).Append(a.MonthsMissed))
        {
            if (p.Trials != months || p.Successes < 0 || p.Successes > p.Trials)
            {
                return "a monthly proportion does not match the months";
            }
        }

        if (a.MonthCredit.Count != months || a.MonthCredit.SumQuanta < 0 || a.MonthCredit.Sum > months + 1e-6)
        {
            return "the monthly credits do not match the months";
        }

        return null;
    }

    /// <summary>Checks a per-replication sum: exactly <paramref name="count"/> values (at most -count when negative), none negative or above <paramref name="max"/>.</summary>
    private static string? Sum(string what, ExactSum sum, long count, double max)
    {
        bool countOk = count >= 0 ? sum.Count == count : sum.Count <= -count;
        if (!countOk || sum.SumQuanta < 0 || (max < double.MaxValue && sum.Sum > (sum.Count * max) + (sum.Count * sum.Resolution)))
        {
            return $"{what}: the count or sum is impossible";
        }

        return null;
    }

    /// <summary>Checks a figure: moments and sketch agree on min and max, nothing negative, the sum within count x [min, max].</summary>
    internal static string? Statistic(string what, StatisticAccumulator s)
    {
        if (s.Count == 0)
        {
            return null;
        }

        var m = s.Moments;
        double slack = s.Count * m.Sums.Resolution;
        if (m.Min < 0 || s.Sketch.Min < 0 || !m.Min.Equals(s.Sketch.Min) || !m.Max.Equals(s.Sketch.Max)
            || m.Sum < (s.Count * m.Min) - slack || m.Sum > (s.Count * m.Max) + slack)
        {
            return $"{what}: impossible values";
        }

        return null;
    }
}
