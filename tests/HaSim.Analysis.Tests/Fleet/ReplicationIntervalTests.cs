using HaSim.Analysis.Budgets;
using HaSim.Analysis.Fleet;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;
using HaSim.Analysis.Sweeps;
using HaSim.Model.Incidents;
using HaSim.Scenarios.Fleet;
using MathNet.Numerics.Distributions;

namespace HaSim.Analysis.Tests.Fleet;

/// <summary>
/// Pooled fleet figures rest on replications: the databases of one AZ outage share its queue for new
/// nodes, so their RTOs move together from replication to replication. The interval must be at least
/// as wide as the t interval of the figure computed within each replication, computed here
/// independently by running the replications one by one.
/// </summary>
public class ReplicationIntervalTests
{
    // 60 endpoints, no spare slots: az-1's 20 computes wait for new nodes three at a time, whose
    // provisioning times are drawn afresh in every replication.
    private const string SweepFleet = """
        name: clustered-60
        seed: 3
        fleet:
          groups:
            - {name: endpoints, preset: serverless, count: 60, workload: {database_size: 100 GiB}}
          capacity:
            compute.spare_slots_per_az: 0
            compute.warm_pool_per_az: 0
        timeline:
          - {at: 10 min, target: az-1, fault: outage, duration: 1 h}
        """;

    private const int Replications = 8;

    [Fact]
    public void A_sweep_figure_over_a_fleet_is_at_least_as_wide_as_the_t_interval_over_replications()
    {
        string path = Write(SweepFleet);
        var subject = SweepSubject.Load(path);
        var p99 = GoalParser.ParseFigure("p99 client_rto", "--figure", subject.Architecture);
        var mean = GoalParser.ParseFigure("mean client_rto", "--figure", subject.Architecture);
        var two = Sweep(subject, [p99, mean], Replications, threads: 2);
        var one = Sweep(subject, [p99, mean], Replications, threads: 1);
        Assert.Equal(one.Select(f => f.Estimate), two.Select(f => f.Estimate));

        var values = PerReplication(FleetRuns.Parse(SweepFleet), subject.Seed, (_, incident) => p99.Metric!.Read(incident, p99.Subject));
        AssertCovers(two[0].Estimate.Interval, values.Select(v => Quantile(v, 0.99)).ToList());
        AssertCovers(two[1].Estimate.Interval, values.Select(v => v.Average()).ToList());
        Assert.Equal(Replications, two[0].Estimate.SampleSize);
        Assert.Equal(Replications, two[1].Estimate.SampleSize);

        // One replication says nothing about the spread between replications.
        var single = Sweep(subject, [p99], 1, threads: 1)[0].Estimate.Interval;
        Assert.True(double.IsNegativeInfinity(single.Lower) && double.IsPositiveInfinity(single.Upper));
    }

    [Fact]
    public void The_fleet_summary_affected_rto_is_at_least_as_wide_as_the_t_interval_over_replications()
    {
        var scenario = FleetRuns.AzOutage(60, spare: 0, warm: 0);
        var summary = FleetRuns.Replays(scenario, Replications);
        var az = summary.Event(FleetEventKind.ZoneOutage)!;
        Assert.Equal(Replications, az.AffectedRtoReplications);

        var values = PerReplication(scenario, 1, (t, incident) =>
        {
            int e = t.EventOf(incident);
            return e >= 0 && incident.ClientRestoredSeconds is { } back ? back - t.Events[e].AtSeconds : null;
        });
        AssertCovers(az.AffectedRto.P99, values.Select(v => Quantile(v, 0.99)).ToList());
        AssertCovers(az.AffectedRto.P50, values.Select(v => Quantile(v, 0.5)).ToList());
        AssertCovers(az.AffectedRto.MeanInterval, values.Select(v => v.Average()).ToList());

        var single = FleetRuns.Replays(scenario, 1).Event(FleetEventKind.ZoneOutage)!.AffectedRto.P99;
        Assert.True(double.IsNegativeInfinity(single.Lower) && double.IsPositiveInfinity(single.Upper));
    }

    /// <summary>The interval reaches at least t · s / √R either side of its estimate (or to 0), and the spread is real.</summary>
    private static void AssertCovers(ConfidenceInterval interval, List<double> perReplication)
    {
        int r = perReplication.Count;
        double m = perReplication.Average();
        double s = Math.Sqrt(perReplication.Sum(x => (x - m) * (x - m)) / (r - 1));
        Assert.True(s > 1, $"the replications should differ (s = {s} s)");
        double half = StudentT.InvCDF(0, 1, r - 1, 0.975) * s / Math.Sqrt(r);
        Assert.True(interval.Upper >= interval.Estimate + half - 1e-3, $"upper {interval.Upper} < {interval.Estimate} + {half}");
        Assert.True(interval.Lower <= Math.Max(0, interval.Estimate - half) + 1e-3, $"lower {interval.Lower} > {interval.Estimate} - {half}");

        Assert.True(interval.Width >= 2 * Math.Min(half, interval.Estimate) - 2e-3);
    }

    /// <summary>Each replication's values, run one at a time with the fleet's own seeds.</summary>
    private static List<List<double>> PerReplication(FleetScenario fleet, ulong seed, Func<FleetTally, Incident, double?> read)
    {
        var settings = FleetSettings.For(fleet, null, Replications, seed);
        var accumulator = new FleetAccumulator(settings, FleetAccumulator.GroupSettings(fleet, settings));
        var tally = new FleetTally(accumulator, fleet);
        var current = new List<double>();
        tally.IncidentHook = (_, incident) =>
        {
            if (read(tally, incident) is { } v)
            {
                current.Add(v);
            }
        };
        var all = new List<List<double>>();
        for (long k = 0; k < Replications; k++)
        {
            current = [];
            tally.Run(k, checkInvariants: true);
            Assert.NotEmpty(current);
            all.Add(current);
        }

        return all;
    }

    private static double Quantile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Max(1, (int)Math.Ceiling((p * sorted.Count) - 1e-9)) - 1];
    }

    private static List<SweepFigureResult> Sweep(SweepSubject subject, List<Figure> figures, long replications, int threads)
    {
        var parameters = new[] { SweepParameter.Parse("compute.spare_slots_per_az=0") };
        var configurations = subject.Configure(SweepPlan.Points(parameters, SweepMode.Grid));
        var request = new SweepRequest(subject, parameters, SweepMode.Grid, figures, null, null, replications, subject.Seed, threads);
        return [.. SweepRunner.Run(request, configurations).Points[0].Figures];
    }

    private static string Write(string yaml)
    {
        string dir = Path.Combine(Path.GetTempPath(), "hasim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "fleet.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
