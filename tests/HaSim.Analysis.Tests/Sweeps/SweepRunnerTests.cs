using HaSim.Analysis.Budgets;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Sweeps;
using HaSim.Scenarios.Diagnostics;

namespace HaSim.Analysis.Tests.Sweeps;

public class SweepRunnerTests
{
    // 60 endpoints over three zones: az-1 holds 20 computes. With s spare slots in each of az-2 and
    // az-3, min(20, 2s) reschedule at once and the rest wait for new nodes; at s >= 10 none waits.
    private const string Fleet = """
        name: sweep-60
        seed: 3
        fleet:
          groups:
            - {name: endpoints, preset: serverless, count: 60, workload: {database_size: 100 GiB}}
          capacity:
            compute.spare_slots_per_az: SPARE
            compute.warm_pool_per_az: 0
        timeline:
          - {at: 10 min, target: az-1, fault: outage, duration: 1 h}
        COST
        """;

    private const string Prices = """
        cost:
          prices: example
          currency: USD
          server_vm_per_hour: 0.04
          spare_slot_per_hour: 0.01
          storage_per_gb_month: 0.02
        """;

    [Fact]
    public void A_point_gives_exactly_what_a_plain_run_of_the_file_with_that_value_gives()
    {
        var swept = Run(Write(Fleet.Replace("SPARE", "0", StringComparison.Ordinal).Replace("COST", "", StringComparison.Ordinal)), "compute.spare_slots_per_az=0,5,10", "max client_rto <= 4 min", 8, threads: 2, extra: ["mean client_rto"]);
        var plain = Run(Write(Fleet.Replace("SPARE", "5", StringComparison.Ordinal).Replace("COST", "", StringComparison.Ordinal)), "nodes.max_concurrent=3", "max client_rto <= 4 min", 8, threads: 1, extra: ["mean client_rto"]);

        // nodes.max_concurrent=3 is the default: the plain run is the file as written, spare slots 5.
        Assert.Equal(plain.Points[0].Figures.Select(f => f.Estimate), swept.Points[1].Figures.Select(f => f.Estimate));
    }

    [Fact]
    public void Common_random_numbers_give_identical_figures_wherever_the_capacity_does_not_bind()
    {
        var result = Run(Write(Fleet.Replace("SPARE", "0", StringComparison.Ordinal).Replace("COST", "", StringComparison.Ordinal)), "compute.spare_slots_per_az=10,20,40", "max client_rto <= 4 min", 6, threads: 2, extra: ["mean client_rto"]);
        Assert.Equal(result.Points[0].Figures.Select(f => f.Estimate), result.Points[1].Figures.Select(f => f.Estimate));
        Assert.Equal(result.Points[0].Figures.Select(f => f.Estimate), result.Points[2].Figures.Select(f => f.Estimate));
    }

    [Fact]
    public void The_goal_picks_the_first_point_with_room_for_every_displaced_compute()
    {
        var result = Run(Write(Fleet.Replace("SPARE", "0", StringComparison.Ordinal).Replace("COST", "", StringComparison.Ordinal)), "compute.spare_slots_per_az=0,5,10,20", "max client_rto <= 4 min", 8, threads: 2);
        Assert.Equal([Verdict.Fail, Verdict.Fail, Verdict.Pass, Verdict.Pass], result.Points.Select(p => p.Verdict!.Value));
        Assert.Equal(2, result.Chosen);
        Assert.Equal("compute.spare_slots_per_az=10", result.Points[2].Point.Label);
    }

    [Fact]
    public void With_prices_the_goal_picks_the_cheapest_passing_point_not_the_first()
    {
        var result = Run(Write(Fleet.Replace("SPARE", "0", StringComparison.Ordinal).Replace("COST", Prices, StringComparison.Ordinal)), "compute.spare_slots_per_az=40,20,10,5,0", "max client_rto <= 4 min", 8, threads: 2);
        Assert.Equal([Verdict.Pass, Verdict.Pass, Verdict.Pass, Verdict.Fail, Verdict.Fail], result.Points.Select(p => p.Verdict!.Value));
        Assert.Equal(2, result.Chosen);

        // Hand-computed resources of spare = 10: 60 compute VMs, 3 zones x 10 slots, 60 x 100 GiB of storage.
        double hours = 365.25 * 24 / 12;
        double expected = (60 * 0.04 * hours) + (30 * 0.01 * hours) + (60 * 100 * 1.073741824 * 0.02);
        Assert.Equal(expected, result.Points[2].Cost!.Resources.Total, 9);
        Assert.Equal(0, result.Points[2].Cost!.Credit); // no monthly bill: the credit is worth nothing
    }

    [Fact]
    public void Choose_takes_the_cheapest_pass_and_nothing_when_none_passes()
    {
        static SweepPointResult Point(int index, Verdict verdict, double cost)
        {
            var estimate = new Estimate(new HaSim.Analysis.Statistics.ConfidenceInterval(1, 0, 2, 0.95), 10);
            var figure = GoalParser.ParseFigure("mean rto", "test", Model.Architectures.ArchitectureRegistry.All[0]);
            return new SweepPointResult(new SweepPointSpec(index, []), 1, [new SweepFigureResult(figure, estimate, verdict)],
                new SweepCost(new Scenarios.Cost.ResourceCost(cost, 0, 0, 0, 0), estimate, 0, 0, 0));
        }

        Assert.Equal(2, SweepResult.Choose([Point(0, Verdict.Pass, 30), Point(1, Verdict.Fail, 5), Point(2, Verdict.Pass, 10), Point(3, Verdict.Inconclusive, 1), Point(4, Verdict.Pass, 10)]));
        Assert.Null(SweepResult.Choose([Point(0, Verdict.Fail, 3), Point(1, Verdict.Inconclusive, 1)]));
    }

    [Fact]
    public void The_expected_credit_of_an_outage_longer_than_the_tier_allows_is_exactly_that_tier()
    {
        // An hour-long zone outage keeps a serverless endpoint down for far more than 26 s (99.999% of a month):
        // every replication's month earns the 10% tier, so the credit is 10% of the 400 USD bill exactly.
        string path = Write("""
            # parameters.md
            name: credit
            preset: serverless
            timeline:
              - {at: 10 min, target: az-1, fault: outage, duration: 1 h}
            cost:
              prices: user
              currency: EUR
              server_vm_per_hour: 1
              sla_credit:
                monthly_bill: 400
                tiers:
                  - {uptime_below: 99.999%, credit: 10%}
            """);
        var result = Run(path, "compute.endpoint_reattach=5 s,10 s", "mean rto <= 1 h", 12, threads: 2);
        foreach (var p in result.Points)
        {
            Assert.Equal(0.10, p.Cost!.CreditFraction.Value, 12);
            Assert.Equal(40, p.Cost.Credit, 9);
            Assert.Equal((365.25 * 24 / 12) + 40, p.Cost.Total, 9);
        }
    }

    [Fact]
    public void Unknown_keys_are_refused_with_a_suggestion_before_anything_runs()
    {
        var subject = SweepSubject.Load(Write(Fleet.Replace("SPARE", "0", StringComparison.Ordinal).Replace("COST", "", StringComparison.Ordinal)));
        var e = Assert.Throws<ScenarioException>(() => subject.Configure(SweepPlan.Points([SweepParameter.Parse("compute.spare_slot_per_az=1,2")], SweepMode.Grid)));
        var d = Assert.Single(e.Diagnostics);
        Assert.Contains("compute.spare_slots_per_az", d.Suggestion, StringComparison.Ordinal);

        var bad = Assert.Throws<ScenarioException>(() => subject.Configure(SweepPlan.Points([SweepParameter.Parse("compute.spare_slots_per_az=1,-2")], SweepMode.Grid)));
        Assert.Contains("-2", Assert.Single(bad.Diagnostics).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_of_years_without_years_is_refused()
    {
        var subject = SweepSubject.Load(Write(Fleet.Replace("SPARE", "0", StringComparison.Ordinal).Replace("COST", "", StringComparison.Ordinal)));
        var figure = GoalParser.ParseFigure("availability", "--figure", subject.Architecture);
        var request = new SweepRequest(subject, [SweepParameter.Parse("compute.spare_slots_per_az=1")], SweepMode.Grid, [figure], null, null, 2, 1, 1);
        var e = Assert.Throws<ScenarioException>(() => SweepRunner.Validate(request));
        Assert.Contains("--years", e.Diagnostics[0].Suggestion, StringComparison.Ordinal);
    }

    private static SweepResult Run(string path, string param, string goal, long replications, int threads, string[]? extra = null)
    {
        var subject = SweepSubject.Load(path);
        var parameters = new[] { SweepParameter.Parse(param) };
        var configurations = subject.Configure(SweepPlan.Points(parameters, SweepMode.Grid));
        var g = GoalParser.Parse(goal, "--goal", subject.Architecture);
        var figures = new List<Figure> { g.Figure };
        figures.AddRange((extra ?? []).Select(f => GoalParser.ParseFigure(f, "--figure", subject.Architecture)));
        var request = new SweepRequest(subject, parameters, SweepMode.Grid, figures, g, null, replications, subject.Seed, threads);
        return SweepRunner.Run(request, configurations);
    }

    private static string Write(string yaml)
    {
        string dir = Path.Combine(Path.GetTempPath(), "hasim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "sweep.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
