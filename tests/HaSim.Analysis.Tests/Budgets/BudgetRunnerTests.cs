using System.Globalization;
using HaSim.Analysis.Budgets;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Replays;
using HaSim.Scenarios.Binding;
using static HaSim.Analysis.Tests.Budgets.BudgetTestData;

namespace HaSim.Analysis.Tests.Budgets;

/// <summary>Budgets judged on real replays: verdicts, escalation, determinism across threads.</summary>
public sealed class BudgetRunnerTests
{
    private const string Scenario = "azure/zone-redundant-primary-failure.yaml";

    [Fact]
    public void ABudgetThatMustFailFailsAndOneThatMustPassPasses()
    {
        var file = File($$"""
            budgets:
              - {name: must-fail, scenario: {{Scenario}}, replications: 100, goal: p99 rto <= 30 s, source: "too tight for seed 002's 60-120 s"}
              - {name: must-pass, scenario: {{Scenario}}, replications: 100, max_replications: 1600, goal: p99 rto <= 120 s}
              - {name: rpo-zero, scenario: {{Scenario}}, replications: 100, goal: max rpo_bytes == 0 B}
            """);
        var result = BudgetRunner.Run(file, new CheckOptions(Threads: 2));
        var (fail, pass, rpo) = (result.Outcomes[0], result.Outcomes[1], result.Outcomes[2]);

        Assert.Equal(Verdict.Fail, fail.Verdict);
        Assert.Equal((1, 100L), (fail.Look, fail.Replications));
        Assert.True(fail.Estimate.Interval.Lower > 30);
        Assert.Equal(100, fail.Estimate.SampleSize);

        // A p99 interval has no upper bound until enough incidents are in: 97.5% needs ln(0.0125)/ln(0.99) = 436.
        Assert.Equal(Verdict.Pass, pass.Verdict);
        Assert.True(pass.Replications >= 436 * 1.0 && pass.Replications <= 1600, pass.Replications.ToString(CultureInfo.InvariantCulture));
        Assert.True(pass.Estimate.Interval.Upper <= 120);
        Assert.Equal(new SequentialPlan(100, 1600, 0.95).LevelAt(pass.Look), pass.Estimate.Interval.Level, 12);

        Assert.Equal(Verdict.Pass, rpo.Verdict);
        Assert.Equal((0.0, 0.0), (rpo.Estimate.Interval.Lower, rpo.Estimate.Interval.Upper));
        Assert.Equal(1, result.Failed);
        Assert.True(result.AnyFailure);
    }

    [Fact]
    public void AnInconclusiveBudgetEscalatesToItsCapAndSaysWhatItWouldTake()
    {
        // The limit sits 0.3 s above the mean of the 400 replays the cap allows: no look can tell.
        var scenario = ScenarioLoader.Load(Path.Combine(Root, "scenarios", Scenario));
        double mean = ReplayRunner.Run(scenario, 400, 1, 2).Summarise(ScenarioIdentity.FromFile(scenario)).Figures.Overall.Of(Model.Metrics.MetricTable.Rto).Mean;
        string limit = (mean + 0.3).ToString("0.000", CultureInfo.InvariantCulture);
        var file = File($"budgets:\n  - {{name: edge, scenario: {Scenario}, replications: 100, max_replications: 400, goal: mean rto <= {limit} s}}\n");

        var o = Assert.Single(BudgetRunner.Run(file, new CheckOptions(Threads: 2)).Outcomes);
        Assert.Equal(Verdict.Inconclusive, o.Verdict);
        Assert.Equal((3, 400L, 400L), (o.Look, o.Replications, o.Cap));
        Assert.Equal(mean, o.Estimate.Value, 9);
        Assert.True(o.Estimate.Interval.Contains(mean + 0.3));
        long needed = o.Needed!.Value;
        Assert.True(needed > 400);
        Assert.Equal(0, needed % 100);
        Assert.True(long.IsPow2(needed / 100));

        // With the command's cap raised far enough, the same seeds decide it, and the looks before 400 agree.
        var raised = Assert.Single(BudgetRunner.Run(file, new CheckOptions(Threads: 2, MaxReplications: 1L << 20)).Outcomes);
        Assert.NotEqual(Verdict.Inconclusive, raised.Verdict);
        Assert.True(raised.Replications > 400);
    }

    [Fact]
    public void EveryFigureVerdictAndCountIsTheSameForAnyThreadCount()
    {
        var file = File($$"""
            budgets:
              - {name: p99, scenario: {{Scenario}}, replications: 40, max_replications: 640, goal: p99 rto <= 120 s}
              - {name: stage, scenario: {{Scenario}}, replications: 40, goal: P(stage of promote_standby > 20 s) <= 50%}
              - {name: sla, preset: aiven-business, years: 1, replications: 40, goal: P(month misses SLA) <= 5%}
              - {name: az, preset: aiven-business, years: 1, replications: 40, max_replications: 160, goal: p99 rto in az_outage <= 3 min}
            """);
        var one = BudgetRunner.Run(file, new CheckOptions(Threads: 1)).Outcomes;
        var two = BudgetRunner.Run(file, new CheckOptions(Threads: 2)).Outcomes;
        var three = BudgetRunner.Run(file, new CheckOptions(Threads: 3)).Outcomes;
        foreach (var other in new[] { two, three })
        {
            for (int k = 0; k < one.Count; k++)
            {
                Assert.Equal((one[k].Verdict, one[k].Look, one[k].Replications, one[k].Estimate), (other[k].Verdict, other[k].Look, other[k].Replications, other[k].Estimate));
                Assert.Equal(one[k].Batches, other[k].Batches);
            }
        }
    }

    [Fact]
    public void FiguresOfYearsAreTheMonteCarloSummarysFiguresOnTheSameSeeds()
    {
        var file = File("""
            defaults: {replications: 40, max_replications: 40}
            budgets:
              - {name: a, preset: aiven-business, years: 1, goal: availability >= 0%}
              - {name: b, preset: aiven-business, years: 1, goal: downtime_per_year <= 100 d}
              - {name: c, preset: aiven-business, years: 1, goal: incidents_per_year <= 1000}
              - {name: d, preset: aiven-business, years: 1, goal: P(month misses SLA) <= 100%}
              - {name: e, preset: aiven-business, years: 1, goal: expected_credit <= 100%}
              - {name: f, preset: aiven-business, years: 1, goal: degraded_per_year of no_standby <= 100 d}
              - {name: g, preset: aiven-business, years: 1, goal: p99 rto in planned_failover <= 1 d}
              - {name: h, preset: aiven-business, years: 1, goal: incidents_per_year in engine_crash <= 1000}
            """);
        var o = BudgetRunner.Run(file, new CheckOptions(Threads: 2)).Outcomes;
        var s = file.Budgets[0].Subject.Scenario;
        var settings = MonteCarloSettings.For(s, 1, 40, 1) with { Level = 0.975 };
        var m = MonteCarloRunner.Run(s, settings, ShardSpec.Whole, 2).Summarise(file.Budgets[0].Subject.Identity);

        Assert.Equal(m.Availability.Availability.Interval, o[0].Estimate.Interval);
        AssertScaled(m.Availability.DowntimeMinutesPerYear.Interval, o[1].Estimate.Interval, 60);
        Assert.Equal(m.IncidentsPerYear.Interval, o[2].Estimate.Interval);
        Assert.Equal(m.Monthly.SlaMiss.Interval, o[3].Estimate.Interval);
        Assert.Equal(480, o[3].Estimate.SampleSize);
        Assert.Equal(m.Monthly.ExpectedCredit.Interval, o[4].Estimate.Interval);
        AssertScaled(m.Degraded.Single(d => d.Kind == "no_standby").HoursPerYear.Interval, o[5].Estimate.Interval, 3600);
        var planned = m.FailureModes.Single(f => f.Name == "planned_failover");
        Assert.Equal(planned.Metrics.Of(Model.Metrics.MetricTable.Rto).P99, o[6].Estimate.Interval);
        Assert.Equal(planned.Metrics.Incidents, o[6].Estimate.SampleSize);
        Assert.Equal(m.FailureModes.Single(f => f.Name == "engine_crash").IncidentsPerYear.Interval, o[7].Estimate.Interval);
    }

    private static void AssertScaled(Analysis.Statistics.ConfidenceInterval expected, Analysis.Statistics.ConfidenceInterval actual, double factor)
    {
        Assert.Equal(expected.Estimate * factor, actual.Estimate, 9);
        Assert.Equal(expected.Lower * factor, actual.Lower, 9);
        Assert.Equal(expected.Upper * factor, actual.Upper, 9);
    }
}
