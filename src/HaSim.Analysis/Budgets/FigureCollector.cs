using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;
using HaSim.Model.Incidents;
using HaSim.Model.Metrics;
using HaSim.Model.Names;

namespace HaSim.Analysis.Budgets;

/// <summary>
/// Collects, replication by replication, the sample one metric figure rests on: incident values
/// (or per-replication values of a run metric) for a mean, quantile or maximum, counts for a
/// probability, years with data loss for <see cref="YearFigure.DataLossYear"/>. Merging is exact
/// (integer sums, sketch counts, extremes), so a collector's estimate does not depend on threads.
/// Over a fleet (<c>byReplication</c>), the values of one replication's databases are not independent
/// (they share its outage and queues): the estimate stays the pooled one, but its interval is widened
/// by the spread of the statistic computed within each replication (<see cref="ReplicationInterval"/>)
/// and its sample size counts replications.
/// </summary>
internal abstract class FigureCollector
{
    /// <summary>A collector for <paramref name="figure"/>, or null for figures read from the Monte Carlo accumulator.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="years">Years per replication (0 for scripted replays).</param>
    /// <param name="byReplication">Whether replications, not values, are the independent unit (a fleet's databases).</param>
    public static FigureCollector? For(Figure figure, double years, bool byReplication = false)
    {
        if (figure.Year is { } year)
        {
            return ReferenceEquals(year, YearFigure.DataLossYear) ? new DataLossYears(figure.Mode, years) : null;
        }

        var metric = figure.Metric!;
        bool perRun = metric.Scope == MetricScope.Run;
        return figure.Statistic!.IsProbability
            ? new Proportion(figure, perRun, byReplication)
            : new Distribution(figure, perRun, byReplication);
    }

    /// <summary>A new replication begins.</summary>
    public virtual void Begin()
    {
    }

    /// <summary>An incident of the current replication closed.</summary>
    public abstract void OnIncident(Incident incident);

    /// <summary>A degraded interval of the current replication ended.</summary>
    public virtual void OnDegraded(DegradedInterval interval)
    {
    }

    /// <summary>The current replication ended.</summary>
    public virtual void Complete()
    {
    }

    /// <summary>An empty collector of the same figure.</summary>
    public abstract FigureCollector Empty();

    /// <summary>Adds everything <paramref name="other"/> (a collector of the same figure) holds.</summary>
    public abstract void Merge(FigureCollector other);

    /// <summary>The estimate and its interval at <paramref name="level"/>, with the sample size it rests on.</summary>
    public abstract Estimate Estimate(double level);

    /// <summary>Keeps incidents of the figure's failure mode only.</summary>
    private static bool Counts(Incident incident, FailureMode? mode) => mode is null || ReferenceEquals(incident.FailureMode, mode);

    /// <summary>
    /// The values of a metric, per incident, or for a run metric per replication (read from the
    /// replication's incidents and degraded intervals when it ends).
    /// </summary>
    private abstract class MetricSample(Figure figure, bool perRun) : FigureCollector
    {
        private readonly List<Incident> _incidents = [];
        private readonly List<DegradedInterval> _degraded = [];

        protected Figure Figure { get; } = figure;

        protected bool PerRun { get; } = perRun;

        public override void Begin()
        {
            _incidents.Clear();
            _degraded.Clear();
        }

        public override void OnIncident(Incident incident)
        {
            if (!Counts(incident, Figure.Mode))
            {
                return;
            }

            if (PerRun)
            {
                _incidents.Add(incident);
            }
            else if (Figure.Metric!.Read(incident, Figure.Subject) is { } value)
            {
                Add(value);
            }
        }

        public override void OnDegraded(DegradedInterval interval)
        {
            if (PerRun)
            {
                _degraded.Add(interval);
            }
        }

        public override void Complete()
        {
            if (PerRun && Figure.Metric!.Read(_incidents, _degraded, Figure.Subject) is { } value)
            {
                Add(value);
            }
        }

        protected abstract void Add(double value);
    }

    /// <summary>Mean, quantile or maximum: moments and a quantile sketch at the resolution Monte Carlo summaries use.</summary>
    private sealed class Distribution(Figure figure, bool perRun, bool byReplication) : MetricSample(figure, perRun)
    {
        private readonly StatisticAccumulator _values = new(QuantaOf(figure.Metric!.Unit, perRun));
        private readonly Moments _perReplication = new(QuantaOf(figure.Metric!.Unit, perRun));
        private readonly List<double> _replication = [];

        public override FigureCollector Empty() => new Distribution(Figure, PerRun, byReplication);

        public override void Merge(FigureCollector other)
        {
            var o = (Distribution)other;
            _values.Merge(o._values);
            _perReplication.Merge(o._perReplication);
        }

        public override void Begin()
        {
            base.Begin();
            _replication.Clear();
        }

        public override void Complete()
        {
            base.Complete();
            if (!byReplication || _replication.Count == 0)
            {
                return;
            }

            var statistic = Figure.Statistic!;
            _perReplication.Add(statistic.Kind switch
            {
                StatisticKind.Mean => ReplicationInterval.Mean(_replication),
                StatisticKind.Quantile => ReplicationInterval.Quantile(_replication, statistic.Parameter),
                _ => _replication.Max(),
            });
        }

        public override Estimate Estimate(double level)
        {
            var pooled = Pooled(level);
            if (!byReplication || pooled.SampleSize == 0 || Figure.Statistic!.Kind == StatisticKind.Max)
            {
                return byReplication ? pooled with { SampleSize = _perReplication.Count } : pooled;
            }

            return new Estimate(ReplicationInterval.Widen(pooled.Interval, _perReplication, lowerBound: 0), _perReplication.Count);
        }

        protected override void Add(double value)
        {
            _values.Add(value);
            if (byReplication)
            {
                _replication.Add(value);
            }
        }

        private Estimate Pooled(double level)
        {
            long n = _values.Count;
            var statistic = Figure.Statistic!;
            if (n == 0)
            {
                return new Estimate(new ConfidenceInterval(double.NaN, double.NaN, double.NaN, level), 0);
            }

            switch (statistic.Kind)
            {
                case StatisticKind.Mean:
                    var mean = _values.Moments.MeanConfidenceInterval(level);
                    return new Estimate(mean with { Lower = Math.Max(0, mean.Lower) }, n);
                case StatisticKind.Quantile:
                    return new Estimate(_values.Sketch.QuantileConfidenceInterval(statistic.Parameter, level), n);
                default:
                    double max = _values.Moments.Max;
                    return new Estimate(new ConfidenceInterval(max, max, max, level), n);
            }
        }

        private static double QuantaOf(MetricUnit unit, bool perRun) =>
            perRun && unit == MetricUnit.Seconds ? 1_000 : unit switch
            {
                MetricUnit.Seconds => ExactSum.MicrosecondsPerSecond,
                _ => ExactSum.WholeUnits,
            };
    }

    /// <summary>P(metric &gt; x) or P(metric = 0): successes over the sample, Wilson interval.</summary>
    private sealed class Proportion(Figure figure, bool perRun, bool byReplication) : MetricSample(figure, perRun)
    {
        private readonly ProportionEstimate _count = new();
        private readonly Moments _perReplication = new(Quanta.Fractions);
        private long _trials;
        private long _successes;

        public override FigureCollector Empty() => new Proportion(Figure, PerRun, byReplication);

        public override void Merge(FigureCollector other)
        {
            var o = (Proportion)other;
            _count.Merge(o._count);
            _perReplication.Merge(o._perReplication);
        }

        public override void Begin()
        {
            base.Begin();
            _trials = 0;
            _successes = 0;
        }

        public override void Complete()
        {
            base.Complete();
            if (byReplication && _trials > 0)
            {
                _perReplication.Add((double)_successes / _trials);
            }
        }

        public override Estimate Estimate(double level)
        {
            var pooled = MonteCarlo.Estimate.Of(_count, level);
            return byReplication && _count.Trials > 0
                ? new Estimate(ReplicationInterval.Widen(pooled.Interval, _perReplication, 0, 1), _perReplication.Count)
                : pooled;
        }

        protected override void Add(double value)
        {
            var statistic = Figure.Statistic!;
            bool success = statistic.Kind == StatisticKind.Zero ? value == 0 : value > statistic.Parameter;
            _count.Add(success);
            _trials++;
            _successes += success ? 1 : 0;
        }
    }

    /// <summary>
    /// Years with an incident that lost committed data: each replication is cut into whole years of
    /// 365.25 days from time 0 (a trailing partial year is left out), each year is a trial, and a year
    /// succeeds if an incident starting in it has RPO &gt; 0.
    /// </summary>
    private sealed class DataLossYears(FailureMode? mode, double years) : FigureCollector
    {
        // The same year marks as the summary's rare-event figure, so both count a data-loss year alike.
        private readonly RareEvents.YearMarks _marks = new([RareEvents.RareEvent.DataLoss], years, mode?.Key);
        private readonly ProportionEstimate _years = new();

        public override void Begin() => _marks.Begin();

        public override void OnIncident(Incident incident) => _marks.Record(incident);

        public override void Complete() => _years.Add(_marks.YearsWith(0), _marks.YearsPerReplication);

        public override FigureCollector Empty() => new DataLossYears(mode, years);

        public override void Merge(FigureCollector other) => _years.Merge(((DataLossYears)other)._years);

        public override Estimate Estimate(double level) => MonteCarlo.Estimate.Of(_years, level);
    }
}

/// <summary>Figures read from a <see cref="MonteCarloAccumulator"/>, with intervals at any level (the same formulas as <see cref="MonteCarloSummary"/>).</summary>
internal static class YearFigures
{
    /// <summary>The estimate of <paramref name="figure"/> (a year figure other than data loss) at <paramref name="level"/>.</summary>
    public static Estimate Estimate(MonteCarloAccumulator a, Figure figure, double level)
    {
        var s = a.Settings;
        long n = a.Replications;
        double years = s.Years;
        string? mode = figure.Mode?.Key;
        var year = figure.Year!;
        if (ReferenceEquals(year, YearFigure.SlaMiss))
        {
            return MonteCarlo.Estimate.Of(a.MonthsMissed, level);
        }

        if (ReferenceEquals(year, YearFigure.ExpectedCredit))
        {
            return MonteCarlo.Estimate.Mean(a.MonthCredit, a.MonthCredit.Count, level, nonNegative: true);
        }

        if (ReferenceEquals(year, YearFigure.DegradedPerYear))
        {
            var sum = a.Degraded.TryGetValue(figure.Subject!.Key, out var d) ? d.PerReplication : new ExactSum(Quanta.Totals);
            return MonteCarlo.Estimate.Mean(sum, n, level, 1 / years, nonNegative: true);
        }

        FailureModeAccumulator? m = mode is null ? null : a.Modes.GetValueOrDefault(mode);
        if (ReferenceEquals(year, YearFigure.IncidentsPerYear))
        {
            var sum = mode is null ? a.IncidentsPerReplication : m?.IncidentsPerReplication ?? new ExactSum(Quanta.Counts);
            return MonteCarlo.Estimate.Mean(sum, n, level, 1 / years, nonNegative: true);
        }

        var downtimeSum = mode is null ? a.DowntimePerReplication : m?.DowntimePerReplication ?? new ExactSum(Quanta.Totals);
        var downtime = MonteCarlo.Estimate.Mean(downtimeSum, n, level, nonNegative: true);
        double horizon = s.HorizonSeconds;
        return ReferenceEquals(year, YearFigure.Availability)
            ? downtime.MapDecreasing(x => 1 - (x / horizon))
            : downtime.Map(x => x / years);
    }
}
