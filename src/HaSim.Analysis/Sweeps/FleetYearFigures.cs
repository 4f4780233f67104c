using HaSim.Analysis.Budgets;
using HaSim.Analysis.Fleet;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;

namespace HaSim.Analysis.Sweeps;

/// <summary>
/// Year figures of a one-group fleet: the point estimate pools every database of every replication
/// (as <see cref="YearFigures"/>), the interval rests on replications, whose databases share their zone
/// events and queues (<see cref="ReplicationInterval"/>): availability and downtime per year from each
/// replication's fleet downtime, the SLA miss from each replication's share of databases meeting it.
/// </summary>
internal static class FleetYearFigures
{
    /// <summary>The estimate of <paramref name="figure"/> over <paramref name="fleet"/>; its sample size counts replications.</summary>
    public static Estimate Estimate(FleetAccumulator fleet, Figure figure, double level)
    {
        var pooled = YearFigures.Estimate(fleet.PerDatabase[0], figure, level);
        var year = figure.Year!;
        long n = fleet.Replications;
        var settings = fleet.Settings;
        double half;
        if (figure.Mode is null && (ReferenceEquals(year, YearFigure.Availability) || ReferenceEquals(year, YearFigure.DowntimePerYear)))
        {
            // Database-seconds of downtime per replication, as seconds per database.
            double perDatabase = fleet.DowntimeSeconds.Moments.MeanConfidenceInterval(level).Width / 2 / fleet.Databases;
            half = ReferenceEquals(year, YearFigure.Availability) ? perDatabase / settings.RunSeconds : perDatabase / settings.Years!.Value;
        }
        else if (ReferenceEquals(year, YearFigure.SlaMiss) && settings.MonthsPerReplication > 0)
        {
            half = MonteCarlo.Estimate.Mean(fleet.ShareMetPerReplication, n, level).Interval.Width / 2;
        }
        else
        {
            // No replication-level record of this figure: the pooled interval (databases taken as independent).
            return pooled;
        }

        bool fraction = figure.Unit == FigureUnit.Fraction;
        return new Estimate(ReplicationInterval.WidenBy(pooled.Interval, half, 0, fraction ? 1 : double.PositiveInfinity), n);
    }
}
