using HaSim.Model.Faults;
using HaSim.Model.Incidents;
using HaSim.Model.Workloads;
using F = HaSim.Model.Tests.ModelRun.F;

namespace HaSim.Model.Tests;

/// <summary>How the architectures react to faults: escalation by interrupt, containment, races and invariants.</summary>
public class FailureHandlingTests
{
    [Fact]
    public void A_node_failure_during_a_postgres_restart_takes_over_the_recovery_in_one_incident()
    {
        var run = ModelRun.Run("serverless", 1,
            new F(600, "compute", FaultKind.Crash),
            new F(600.5, "compute-node", FaultKind.Fail));

        var incident = Assert.Single(run.Incidents);
        Assert.Equal(["crash of compute", "fail of compute-node"], incident.Faults.Select(f => f.Describe()));
        Assert.Equal("interrupted: fail of compute-node", incident.Stages[0].OutcomeText);
        Assert.Contains(incident.Stages, s => s.Stage.Label == "reschedule compute to a healthy node" && s.Outcome == StageOutcome.Done);
        Assert.InRange(incident.ServerRtoSeconds!.Value, 60.5, 121);
    }

    [Fact]
    public void A_hang_that_ends_before_the_five_minute_check_needs_no_reattachment()
    {
        var run = ModelRun.Run("serverless", 1, new F(600, "compute", FaultKind.Hang, 90));
        var incident = Assert.Single(run.Incidents);
        Assert.Equal(90, incident.ServerRtoSeconds!.Value, 6);
        Assert.DoesNotContain(incident.Stages, s => s.Stage.Label.StartsWith("reattach", StringComparison.Ordinal));
    }

    [Fact]
    public void A_zone_outage_takes_down_everything_inside_the_zone()
    {
        var run = ModelRun.Run("serverless", 1, new F(600, "az-2", FaultKind.Outage, 1800));

        // az-2 holds safekeeper-2 and the secondary pageserver, not the compute: no downtime, two kinds of degraded time.
        Assert.Empty(run.Incidents);
        Assert.Contains(run.Degraded, d => d.Kind.Label == "safekeeper quorum at minimum" && d.DurationSeconds == 1800);
        Assert.Contains(run.Degraded, d => d.Kind.Label == "no secondary pageserver");
        Assert.Contains(run.Trace, t => t.Kind == "zone-down" && t.Subject == "az-2");
    }

    [Fact]
    public void Same_zone_ha_waits_for_the_zone_when_it_returns_before_the_restore_finishes()
    {
        // A 2-minute zone outage: the operator has not finished restoring, so the original storage is used: no loss.
        var run = ModelRun.Run("azure-same-zone-ha", 1, new F(600, "az-1", FaultKind.Outage, 120));
        var incident = Assert.Single(run.Incidents);
        Assert.Equal(0, incident.RpoBytes);
        Assert.Contains(incident.Stages, s => s.Stage.Label == "attach the remote storage to the new VM");
        Assert.Contains(run.Trace, t => t.Detail.Contains("zone returned before the restore finished", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_standby_is_not_built_before_there_is_a_primary_to_copy_from()
    {
        var run = ModelRun.Run("aiven-business", 1, new F(3600, "primary", FaultKind.Fail), new F(3600, "standby", FaultKind.Fail));
        var incident = Assert.Single(run.Incidents);
        var restored = incident.ServerRestoredSeconds!.Value;
        var builds = run.Trace.Where(t => t.Kind == "stage-start" && t.Subject == "build_standby").ToList();
        Assert.NotEmpty(builds);
        Assert.All(builds, b => Assert.True(b.TimeSeconds >= restored));
    }

    [Fact]
    public void Asynchronous_replication_loses_the_lag_at_the_current_wal_rate()
    {
        var workload = Workload.Default with { Wal = WalSchedule.Constant(10e6) };
        var run = ModelRun.Run("aiven-business", 4, workload, new F(3600, "primary", FaultKind.Fail));
        var incident = Assert.Single(run.Incidents);
        Assert.InRange(incident.RpoSeconds, 0, 1);
        Assert.Equal(incident.RpoSeconds * 10e6, incident.RpoBytes, 1e-3);
    }

    [Fact]
    public void The_same_seed_gives_an_identical_trace_and_another_seed_a_different_one()
    {
        F[] faults = [new(600, "az-1", FaultKind.Outage, 3600), new(7200, "pageserver", FaultKind.Fail)];
        var a = ModelRun.Run("serverless", 5, faults).Trace;
        var b = ModelRun.Run("serverless", 5, faults).Trace;
        var c = ModelRun.Run("serverless", 6, faults).Trace;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void A_fault_on_a_target_the_architecture_lacks_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ModelRun.Run("azure-non-ha", 1, new F(1, "standby", FaultKind.Fail)));
        Assert.Throws<ArgumentException>(() => ModelRun.Run("azure-non-ha", 1, new F(1, "primary", FaultKind.PlannedFailover)));
    }
}
