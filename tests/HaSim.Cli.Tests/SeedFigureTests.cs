using HaSim.Model.Incidents;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Cli.Tests;

/// <summary>
/// The seeds' figures hold across many seeds, not just the one each scenario ships with:
/// typical values land in the stated band, and invariants (RPO = 0 with synchronous replication) always hold.
/// </summary>
public class SeedFigureTests
{
    private const int Seeds = 200;

    [Fact]
    public void Zone_redundant_failover_at_a_modest_wal_rate_typically_takes_60_to_120_seconds()
    {
        var rtos = Runs("scenarios/azure/zone-redundant-primary-failure.yaml").Select(i => i.RtoSeconds!.Value).Order().ToList();
        double median = rtos[rtos.Count / 2];
        double inBand = rtos.Count(r => r is >= 60 and <= 120) / (double)rtos.Count;
        Assert.InRange(median, 60, 120);
        Assert.True(inBand >= 0.8, $"only {inBand:P0} of failovers within 60-120 s (seed 002: 'typical case')");
    }

    [Fact]
    public void Zone_redundant_failover_with_a_large_backlog_always_exceeds_120_seconds()
    {
        Assert.All(Runs("scenarios/azure/zone-redundant-failover-heavy-writes.yaml"), i => Assert.True(i.RtoSeconds > 120));
    }

    [Theory]
    [InlineData("scenarios/azure/zone-redundant-primary-failure.yaml")]
    [InlineData("scenarios/azure/zone-redundant-az-outage.yaml")]
    [InlineData("scenarios/azure/zone-redundant-forced-failover.yaml")]
    [InlineData("scenarios/azure/zone-redundant-planned-failover.yaml")]
    [InlineData("scenarios/azure/same-zone-primary-failure.yaml")]
    [InlineData("scenarios/azure/non-ha-server-failure.yaml")]
    public void Synchronous_replication_and_surviving_storage_never_lose_committed_data(string file)
    {
        Assert.All(Runs(file), i => Assert.Equal(0, i.RpoBytes));
    }

    [Fact]
    public void Serverless_node_failure_always_recovers_in_one_to_two_minutes()
    {
        Assert.All(Runs("scenarios/serverless/node-failure.yaml"), i => Assert.InRange(i.ServerRtoSeconds!.Value, 60, 120));
    }

    [Fact]
    public void Serverless_zone_failure_recovers_in_one_to_ten_minutes_in_nearly_every_run()
    {
        var rtos = Runs("scenarios/serverless/az-outage.yaml").Select(i => i.ServerRtoSeconds!.Value).ToList();
        Assert.All(rtos, r => Assert.True(r >= 60));
        Assert.True(rtos.Count(r => r <= 600) >= 0.95 * rtos.Count, "more than 5% of zone failures took over 10 minutes");
    }

    [Fact]
    public void Losing_primary_and_standby_loses_exactly_the_writes_since_the_last_snapshot()
    {
        var scenario = Load("scenarios/aiven/business-primary-and-standby-lost.yaml");
        double walRate = scenario.Workload.Wal.RateAt(0);
        foreach (var incident in Runs(scenario))
        {
            // Snapshots every 12 h from a random phase: the loss is the time since the last one, at the WAL rate.
            Assert.InRange(incident.RpoSeconds, 0, 12 * 3600);
            Assert.Equal(incident.RpoSeconds * walRate, incident.RpoBytes, 1e-3);
            Assert.Contains(incident.Stages, s => s.Stage.Label == "restore the latest backup");
        }
    }

    [Fact]
    public void Asynchronous_standby_failover_loses_at_most_the_replication_lag()
    {
        Assert.All(Runs("scenarios/aiven/business-primary-failure.yaml"), i => Assert.InRange(i.RpoSeconds, 0, 1));
    }

    [Fact]
    public void Planned_failover_aborts_no_transactions_and_is_shorter_than_an_unplanned_one()
    {
        var planned = Runs("scenarios/azure/zone-redundant-planned-failover.yaml").ToList();
        var unplanned = Runs("scenarios/azure/zone-redundant-primary-failure.yaml").ToList();
        Assert.All(planned, i => Assert.Equal(0, i.TransactionsAborted));
        Assert.True(planned.Average(i => i.RtoSeconds!.Value) < unplanned.Average(i => i.RtoSeconds!.Value));
        Assert.True(unplanned.Average(i => i.TransactionsAborted) > 0);
    }

    [Theory]
    [MemberData(nameof(ShippedScenarioTests.Files), MemberType = typeof(ShippedScenarioTests))]
    public void Tracing_never_changes_what_happens(string file)
    {
        // Trace text is built only when wanted; the run itself must be the same either way.
        var scenario = Load(file);
        var traced = ScenarioRunner.Run(scenario, 3, keepTrace: true);
        var silent = ScenarioRunner.Run(scenario, 3, keepTrace: false);
        Assert.Equal(Describe(traced), Describe(silent));
        Assert.Empty(silent.Trace);
    }

    private static string Describe(ScenarioResult r) =>
        string.Join("\n", r.Incidents.Select(i => $"{i.FailureMode.Key} {i.StartSeconds:R} {i.ServerRestoredSeconds:R} {i.ClientRestoredSeconds:R} {i.RpoBytes:R} {i.TransactionsAborted} {string.Join(",", i.Stages.Select(s => s.Stage.Key + s.DurationSeconds.ToString("R")))}"))
        + string.Join("\n", r.Degraded.Select(d => $"{d.Kind.Key} {d.StartSeconds:R} {d.EndSeconds:R}"));

    private static Scenario Load(string file) => ScenarioLoader.Load(Path.Combine(RepoPaths.Root, file));

    private static IEnumerable<Incident> Runs(string file) => Runs(Load(file));

    private static IEnumerable<Incident> Runs(Scenario scenario)
    {
        for (ulong seed = 1; seed <= Seeds; seed++)
        {
            var result = ScenarioRunner.Run(scenario, seed, keepTrace: false);
            Assert.Single(result.Incidents);
            yield return result.Incidents[0];
        }
    }
}
