using HaSim.Analysis.Budgets;
using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Replays;
using HaSim.Kernel.Random;
using HaSim.Model.Incidents;
using HaSim.Model.Metrics;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;
using static HaSim.Analysis.Tests.Budgets.BudgetTestData;

namespace HaSim.Analysis.Tests.Budgets;

/// <summary>Replays of a scripted timeline over seeds, and the yearly data-loss figure, against runs made one by one.</summary>
public sealed class ReplayTests
{
    [Fact]
    public void ReplaysAreTheScriptedRunWithEachReplaysSeed()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Root, "scenarios", "azure", "zone-redundant-back-to-back-failures.yaml"));
        const int n = 30;
        var runs = Enumerable.Range(0, n).Select(i => ScenarioRunner.Run(scenario, SeedMixer.Derive(scenario.Seed, i), keepTrace: false, checkInvariants: true)).ToList();
        var replays = ReplayRunner.Run(scenario, n, scenario.Seed, 2, checkInvariants: true);
        var summary = replays.Summarise(ScenarioIdentity.FromFile(scenario));

        var rto = runs.SelectMany(r => r.Incidents).Select(i => i.RtoSeconds!.Value).ToList();
        var overall = summary.Figures.Overall.Of(MetricTable.Rto);
        Assert.Equal((rto.Count, rto.Min(), rto.Max()), (overall.Count, overall.Min, overall.Max));
        Assert.Equal(rto.Average(), overall.Mean, 6);
        for (int k = 0; k < scenario.Expectations.Count; k++)
        {
            Assert.Equal(runs.Count(r => r.Expectations[k].Passed), summary.Expectations[k].Held);
            Assert.Equal(n, summary.Expectations[k].Replications);
        }

        Assert.Equal(runs.All(r => r.ExpectationsMet), summary.ExpectationsMet);
        var again = ReplayRunner.Run(scenario, n, scenario.Seed, 1);
        Assert.Equal(JsonText.Write(replays.Figures.ToJson()), JsonText.Write(again.Figures.ToJson()));
    }

    [Fact]
    public void AYearWithDataLossIsAYearInWhichAnIncidentLostCommittedData()
    {
        var file = File("""
            budgets:
              - {name: any, preset: aiven-startup, years: 2, replications: 30, max_replications: 30, goal: P(data loss in a year) <= 100%}
              - {name: node, preset: aiven-startup, years: 2, replications: 30, max_replications: 30, goal: P(data loss in a year) in primary_failure <= 100%}
            """);
        var outcomes = BudgetRunner.Run(file, new CheckOptions(Threads: 2)).Outcomes;
        var scenario = file.Budgets[0].Subject.Scenario;
        long any = 0, node = 0;
        for (int i = 0; i < 30; i++)
        {
            var recorder = new RunRecorder(keepTrace: false);
            ReplicationRunner.Run(scenario, 1, i, 2, recorder);
            static long Years(IEnumerable<Incident> incidents) =>
                incidents.Where(x => x.RpoBytes > 0).Select(x => (long)(x.StartSeconds / Model.Parameters.Units.SecondsPerYear)).Where(y => y < 2).Distinct().Count();
            any += Years(recorder.Incidents);
            node += Years(recorder.Incidents.Where(x => x.FailureMode.Key == "primary_failure"));
        }

        Assert.Equal(60, outcomes[0].Estimate.SampleSize);
        Assert.Equal(any / 60.0, outcomes[0].Estimate.Value, 12);
        Assert.Equal(node / 60.0, outcomes[1].Estimate.Value, 12);
        Assert.True(any > node && node > 0, $"{any} years with loss, {node} from primary failures");
    }
}
