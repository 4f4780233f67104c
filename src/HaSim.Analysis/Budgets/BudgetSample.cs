using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Incidents;

namespace HaSim.Analysis.Budgets;

/// <summary>
/// The evidence of one subject's replications (or of one batch of them) for the figures its budgets
/// state: a Monte Carlo accumulator for the figures of simulated years, and one collector per other
/// figure. Samples merge exactly, so a merged sample is the same whatever the threads.
/// </summary>
internal sealed class BudgetSample
{
    private BudgetSample(MonteCarloAccumulator? years, FigureCollector?[] collectors)
    {
        Years = years;
        Collectors = collectors;
    }

    /// <summary>The Monte Carlo accumulator, when the subject runs simulated years and a budget needs it.</summary>
    public MonteCarloAccumulator? Years { get; }

    /// <summary>One collector per figure (null where the accumulator gives the figure).</summary>
    public FigureCollector?[] Collectors { get; }

    /// <summary>An empty sample for <paramref name="figures"/>; <paramref name="byReplication"/> when the values are a fleet's databases, whose replications are the independent unit.</summary>
    public static BudgetSample Create(IReadOnlyList<Figure> figures, MonteCarloSettings? settings, bool byReplication = false)
    {
        var collectors = figures.Select(f => FigureCollector.For(f, settings?.Years ?? 0, byReplication)).ToArray();
        bool needsAccumulator = settings is not null && figures.Any(f => f.Year is not null && !ReferenceEquals(f.Year, YearFigure.DataLossYear));
        return new BudgetSample(needsAccumulator ? new MonteCarloAccumulator(settings!) : null, collectors);
    }

    /// <summary>An empty sample of the same shape.</summary>
    public BudgetSample Empty() => new(Years is null ? null : new MonteCarloAccumulator(Years.Settings), [.. Collectors.Select(c => c?.Empty())]);

    /// <summary>Adds everything in <paramref name="other"/> (a sample of the same shape).</summary>
    public void Merge(BudgetSample other)
    {
        Years?.Merge(other.Years!);
        for (int k = 0; k < Collectors.Length; k++)
        {
            Collectors[k]?.Merge(other.Collectors[k]!);
        }
    }

    /// <summary>Figure <paramref name="index"/>'s estimate with its interval at <paramref name="level"/>.</summary>
    public Estimate Estimate(int index, Figure figure, double level) =>
        Collectors[index] is { } c ? c.Estimate(level) : YearFigures.Estimate(Years!, figure, level);

    /// <summary>An observer that feeds replications into this sample.</summary>
    public Observer Observe() => new(this);

    /// <summary>Feeds one replication at a time into a sample: <see cref="Begin"/>, the run, <see cref="Complete"/>.</summary>
    internal sealed class Observer : IRunObserver
    {
        private readonly BudgetSample _sample;
        private readonly ReplicationTally? _tally;

        public Observer(BudgetSample sample)
        {
            _sample = sample;
            _tally = sample.Years is null ? null : new ReplicationTally(sample.Years);
        }

        public bool WantsTrace => false;

        public void Begin()
        {
            _tally?.Begin();
            foreach (var c in _sample.Collectors)
            {
                c?.Begin();
            }
        }

        public void OnIncidentClosed(Incident incident)
        {
            _tally?.Record(incident);
            foreach (var c in _sample.Collectors)
            {
                c?.OnIncident(incident);
            }
        }

        public void OnDegraded(DegradedInterval interval)
        {
            _tally?.OnDegraded(interval);
            foreach (var c in _sample.Collectors)
            {
                c?.OnDegraded(interval);
            }
        }

        public void OnTrace(TraceRecord record)
        {
        }

        public void Complete()
        {
            _tally?.Complete();
            foreach (var c in _sample.Collectors)
            {
                c?.Complete();
            }
        }
    }
}
