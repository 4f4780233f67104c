using HaSim.Analysis.Budgets;
using HaSim.Analysis.Fleet;
using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Incidents;
using HaSim.Model.Metrics;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Running;

namespace HaSim.Analysis.Sweeps;

/// <summary>
/// Runs a sweep: every point with the same replications (replication i seeded from (seed, i) at every
/// point: common random numbers, so the same failures and draws hit every configuration and the
/// differences between points are the parameters', not chance's), each figure estimated with its
/// interval, the goal judged by <see cref="Goal.Judge"/>, each point priced, and the cheapest passing
/// point chosen. Every sample merges exactly, so results are identical for any thread count.
/// </summary>
public static class SweepRunner
{
    /// <summary>Checks that <paramref name="request"/>'s figures can be measured on its subject and mode.</summary>
    /// <exception cref="ScenarioException">A figure needs years, more years, or is not measured on fleets.</exception>
    public static void Validate(SweepRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bag = new DiagnosticBag();
        foreach (var f in request.Figures)
        {
            string source = request.Goal is { } g && g.Figure.Key == f.Key ? "--goal" : "--figure";
            if (f.Year is { } year && request.Years is null)
            {
                bag.Add(new ScenarioDiagnostic(source, 1, 1, "", $"'{f.Label}' is a figure of simulated years", "add --years (e.g. --years 1) to run random failures"));
            }
            else if (f.Year is { } y && request.Years < y.MinimumYears)
            {
                bag.Add(new ScenarioDiagnostic(source, 1, 1, "", $"'{f.Label}' needs at least {y.MinimumYears:0.###} years per replication", "raise --years"));
            }

            if (request.Subject.Fleet is { } fleet)
            {
                if (f.Metric is { Scope: MetricScope.Run })
                {
                    bag.Add(new ScenarioDiagnostic(source, 1, 1, "", $"'{f.Label}' is a whole-database figure, not measured across a fleet", "use a statistic of an incident metric, e.g. 'p99 client_rto'"));
                }
                else if (ReferenceEquals(f.Year, YearFigure.DataLossYear))
                {
                    bag.Add(new ScenarioDiagnostic(source, 1, 1, "", $"'{f.Label}' is not measured across a fleet", "use 'max rpo_bytes' or 'P(rpo_bytes = 0)' over the fleet's incidents"));
                }
                else if (f.Year is not null && fleet.Groups.Count > 1)
                {
                    bag.Add(new ScenarioDiagnostic(source, 1, 1, "", $"'{f.Label}' is measured per database, and this fleet has {fleet.Groups.Count} groups", "sweep a fleet of one group for year figures, or use an incident figure"));
                }
            }
        }

        bag.ThrowIfAny();
    }

    /// <summary>Runs every point of <paramref name="request"/>.</summary>
    /// <param name="request">The sweep.</param>
    /// <param name="configurations">The points' configurations (<see cref="SweepSubject.Configure"/>).</param>
    /// <param name="progress">Called after each point with the points done and the total.</param>
    /// <param name="cancellation">Stops the workers between replications.</param>
    public static SweepResult Run(SweepRequest request, IReadOnlyList<SweepConfiguration> configurations, Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(configurations);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Replications, 1);
        Validate(request);
        var cost = request.Subject.Cost;
        var points = new List<SweepPointResult>();
        foreach (var configuration in configurations)
        {
            points.Add(RunPoint(request, configuration, cost, cancellation));
            progress?.Invoke(points.Count, configurations.Count);
        }

        return new SweepResult(request, points, SweepResult.Choose(points), cost);
    }

    private static SweepPointResult RunPoint(SweepRequest request, SweepConfiguration configuration, Scenarios.Cost.CostModel? cost, CancellationToken cancellation)
    {
        var figures = request.Figures;
        double level = request.Level;
        long n = request.Replications;
        var credit = cost is null ? null : NewCredit(request, configuration, cost);
        Estimate[] estimates;
        if (configuration.Fleet is { } fleet)
        {
            var settings = FleetSettings.For(fleet, request.Years, n, request.Seed);
            var groups = FleetAccumulator.GroupSettings(fleet, settings);
            var template = BudgetSample.Create(figures, null, byReplication: true);
            var workers = MonteCarloRunner.StartWorkers(n, request.Threads, cancellation, () =>
            {
                var state = new Worker(template.Empty(), credit?.Empty(), new FleetAccumulator(settings, groups));
                var observer = state.Sample.Observe();
                var tally = new FleetTally(state.Fleet!, fleet)
                {
                    IncidentHook = (db, incident) =>
                    {
                        observer.OnIncidentClosed(incident);
                        state.Credit?.OnIncident(db, incident);
                    },
                };
                return (state, (Action<long>)(k =>
                {
                    observer.Begin();
                    state.Credit?.Begin();
                    tally.Run(k);
                    observer.Complete();
                    state.Credit?.Complete();
                }));
            });
            var total = Merge(workers, template.Empty(), credit?.Empty(), new FleetAccumulator(settings, groups));
            estimates = [.. figures.Select((f, k) => total.Sample.Collectors[k] is { } c ? c.Estimate(level) : FleetYearFigures.Estimate(total.Fleet!, f, level))];
            credit = total.Credit;
        }
        else
        {
            var scenario = configuration.Scenario!;
            var settings = request.Years is { } y
                ? new MonteCarloSettings(y, n, request.Seed, Preset.SlaTargetOf(scenario.Parameters), scenario.Preset.ServiceLevel.CreditTiers, level)
                : null;
            var template = BudgetSample.Create(figures, settings);
            var workers = MonteCarloRunner.StartWorkers(n, request.Threads, cancellation, () =>
            {
                var state = new Worker(template.Empty(), credit?.Empty(), null);
                var observer = new Observer(state.Sample.Observe(), state.Credit);
                return (state, (Action<long>)(k =>
                {
                    observer.Begin();
                    if (request.Years is { } years)
                    {
                        ReplicationRunner.Run(scenario, request.Seed, k, years, observer, out _, false, cancellation);
                    }
                    else
                    {
                        ScriptedReplicationRunner.Run(scenario, request.Seed, k, observer);
                    }

                    observer.Complete();
                }));
            });
            var total = Merge(workers, template.Empty(), credit?.Empty(), null);
            estimates = [.. figures.Select((f, k) => total.Sample.Estimate(k, f, level))];
            credit = total.Credit;
        }

        var results = figures.Select((f, k) => new SweepFigureResult(f, estimates[k], request.Goal is { } g && g.Figure.Key == f.Key ? g.Judge(estimates[k].Interval) : null)).ToList();
        SweepCost? priced = null;
        if (cost is not null && credit is not null)
        {
            var fraction = credit.Estimate(n, level);
            int databases = configuration.Databases;
            priced = new SweepCost(cost.Price(configuration.Resources), fraction, cost.Credit(fraction.Value, databases),
                cost.Credit(Finite(fraction.Interval.Lower, 0), databases), cost.Credit(Finite(fraction.Interval.Upper, 1), databases));
        }

        return new SweepPointResult(configuration.Point, configuration.Databases, results, priced);
    }

    private static double Finite(double value, double fallback) => double.IsFinite(value) ? value : fallback;

    private static CreditTally NewCredit(SweepRequest request, SweepConfiguration configuration, Scenarios.Cost.CostModel cost)
    {
        long months = request.Years is { } y ? (long)Math.Floor((y * 12) + 1e-9) : 0;
        if (configuration.Fleet is { } fleet)
        {
            var levels = fleet.Groups.SelectMany(g => Enumerable.Repeat(new ServiceLevel(cost.TiersFor(g.Preset), g.Preset.ServiceLevel.Source), g.Count)).ToArray();
            double horizon = request.Years is { } years ? years * Units.SecondsPerYear : fleet.HorizonSeconds;
            return new CreditTally(levels, months, horizon);
        }

        var scenario = configuration.Scenario!;
        double end = request.Years is { } yy ? yy * Units.SecondsPerYear : scenario.HorizonSeconds;
        return new CreditTally([new ServiceLevel(cost.TiersFor(scenario.Preset), scenario.Preset.ServiceLevel.Source)], months, end);
    }

    private static Worker Merge(List<Worker> workers, BudgetSample sample, CreditTally? credit, FleetAccumulator? fleet)
    {
        foreach (var w in workers)
        {
            sample.Merge(w.Sample);
            if (credit is not null)
            {
                credit.Merge(w.Credit!);
            }

            fleet?.Merge(w.Fleet!);
        }

        return new Worker(sample, credit, fleet);
    }

    private sealed record Worker(BudgetSample Sample, CreditTally? Credit, FleetAccumulator? Fleet);

    /// <summary>Feeds one database's replications to the figures and the credit tally.</summary>
    private sealed class Observer(BudgetSample.Observer figures, CreditTally? credit) : IRunObserver
    {
        public bool WantsTrace => false;

        public void Begin()
        {
            figures.Begin();
            credit?.Begin();
        }

        public void Complete()
        {
            figures.Complete();
            credit?.Complete();
        }

        public void OnIncidentClosed(Incident incident)
        {
            figures.OnIncidentClosed(incident);
            credit?.OnIncident(0, incident);
        }

        public void OnDegraded(DegradedInterval interval) => figures.OnDegraded(interval);

        public void OnTrace(TraceRecord record)
        {
        }
    }
}
