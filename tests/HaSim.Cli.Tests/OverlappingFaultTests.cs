using HaSim.Model.Incidents;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Cli.Tests;

/// <summary>
/// Overlapping faults the model once answered wrongly (tests/HaSim.Cli.Tests/repro), each replayed
/// with every invariant checker on and its corrected figures asserted.
/// </summary>
public class OverlappingFaultTests
{
    [Fact]
    public void A_standby_whose_zone_fails_during_its_promotion_is_not_promoted_and_the_primary_is_replaced()
    {
        var r = Run("promote-into-dead-zone.yaml");
        var incident = Assert.Single(r.Incidents);
        var promote = Assert.Single(incident.Stages, s => s.Stage.Key == "promote_standby");
        Assert.Equal(StageOutcome.Interrupted, promote.Outcome);
        Assert.Equal("outage of az-2 for 2.0 h", promote.InterruptedBy!.Describe());
        Assert.Equal(650, promote.EndSeconds, 9);

        // No usable standby: a new VM in az-1 with the primary's remote storage, crash recovery, DNS.
        Assert.Equal(["provision_vm", "attach_storage", "start_engine", "crash_recovery", "update_dns_new_vm"],
            incident.Stages.Where(s => s.StartSeconds >= 650).Select(s => s.Stage.Key));
        Assert.All(incident.Stages.Where(s => s.StartSeconds >= 650), s => Assert.Equal(StageOutcome.Done, s.Outcome));
        Assert.InRange(incident.ServerRestoredSeconds!.Value, 650 + 5 + 5 + 2, 650 + 200);
        Assert.Equal(0, incident.RpoBytes);

        // One new standby, built in az-2 once it is back (2 h), not two.
        Assert.Single(r.Trace, t => t.Kind == "stage-start" && t.Subject == "build_standby");
        var noStandby = Assert.Single(r.Degraded, d => d.Kind.Key == "no_standby");
        Assert.InRange(noStandby.EndSeconds, 650 + 7200, 650 + 7200 + 1200);
    }

    [Fact]
    public void A_region_outage_during_a_promotion_interrupts_it_and_the_lost_primary_is_replaced_not_restarted()
    {
        var r = Run("region-during-promote.yaml");
        var incident = Assert.Single(r.Incidents);
        var promote = Assert.Single(incident.Stages, s => s.Stage.Key == "promote_standby");
        Assert.Equal(StageOutcome.Interrupted, promote.Outcome);
        var wait = Assert.Single(incident.Stages, s => s.Stage.Key == "wait_for_region");
        Assert.Equal(600, wait.DurationSeconds, 6);
        Assert.DoesNotContain(incident.Stages, s => s.Stage.Key == "detect_engine_crash");
        Assert.Contains(incident.Stages, s => s.Stage.Key == "provision_vm" && s.StartSeconds >= 1250);
        Assert.InRange(incident.ServerRtoSeconds!.Value, 650 + 600 - 600, 650 + 600 - 600 + 300);
    }

    [Fact]
    public void A_node_failure_during_a_nested_reattach_ends_it_as_interrupted_and_leaves_no_gap()
    {
        var r = Run("nested-interrupt.yaml");
        var incident = Assert.Single(r.Incidents);
        var reattach = Assert.Single(incident.Stages, s => s.Stage.Key == "reattach_endpoint");
        Assert.Equal(StageOutcome.Interrupted, reattach.Outcome);
        Assert.Equal((620.0, 670.0), (reattach.StartSeconds, reattach.EndSeconds));

        // Every second from the fault to the server's return lies in some stage.
        double covered = incident.StartSeconds;
        foreach (var s in incident.Stages.OrderBy(s => s.StartSeconds))
        {
            Assert.True(s.StartSeconds <= covered + 1e-9, $"gap from {covered} s to {s.StartSeconds} s");
            covered = Math.Max(covered, s.EndSeconds);
        }

        Assert.True(covered >= incident.ServerRestoredSeconds!.Value - 1e-9);
    }

    [Fact]
    public void A_region_outage_during_a_planned_failover_does_not_leave_the_service_down()
    {
        var r = Run("b1-region-outage-during-planned-failover.yaml");
        var incident = Assert.Single(r.Incidents);
        Assert.Equal(StageOutcome.Interrupted, Assert.Single(incident.Stages, s => s.Stage.Key == "block_writes").Outcome);
        Assert.InRange(incident.ServerRtoSeconds!.Value, 3600, 3600 + 300);
        Assert.Equal(0, incident.DetectionSeconds);
        Assert.Equal(0, incident.TransactionsAborted);
    }

    [Fact]
    public void A_new_primary_lost_during_the_planned_dns_step_is_replaced_and_the_old_one_rebuilt_as_its_standby()
    {
        var r = Run("b2-primary-fails-during-planned-dns.yaml");
        Assert.Equal(2, r.Incidents.Count);
        Assert.Equal(StageOutcome.Interrupted, Assert.Single(r.Incidents[0].Stages, s => s.Stage.Key == "update_dns").Outcome);
        Assert.Contains(r.Incidents[0].Stages, s => s.Stage.Key == "attach_storage");

        // A day later a standby exists again: the failure fails over to it in about a minute.
        var second = r.Incidents[1];
        Assert.Contains(second.Stages, s => s.Stage.Key == "promote_standby" && s.Outcome == StageOutcome.Done);
        Assert.InRange(second.RtoSeconds!.Value, 30, 120);
        var noStandby = r.Degraded.Where(d => d.Kind.Key == "no_standby").ToList();
        Assert.Equal(2, noStandby.Count);
        Assert.All(noStandby, d => Assert.InRange(d.DurationSeconds, 300, 15 * 60));
    }

    [Fact]
    public void Same_zone_ha_keeps_its_standby_in_the_primarys_zone_after_a_restore()
    {
        var r = Run("b6-same-zone-becomes-zone-redundant.yaml");
        Assert.Equal(2, r.Incidents.Count);
        Assert.Contains(r.Incidents[0].Stages, s => s.Stage.Key == "restore_backup");

        // The second zone outage takes primary and standby together: another restore, not a failover.
        var second = r.Incidents[1];
        Assert.DoesNotContain(second.Stages, s => s.Stage.Key == "promote_standby");
        Assert.Contains(second.Stages, s => s.Stage.Key == "restore_backup");
        Assert.True(second.RtoSeconds >= 600, $"second zone outage recovered in {second.RtoSeconds} s");
    }

    [Fact]
    public void A_misspelt_degraded_kind_is_refused_with_file_line_field_and_a_suggestion()
    {
        var (exit, _, err) = CliHarness.Run("run", "tests/HaSim.Cli.Tests/repro/typo-degraded.yaml", "--no-files");
        Assert.Equal(2, exit);
        Assert.Contains("repro/typo-degraded.yaml:7:28: error: expect[0].of: 'cold cahce' is not a degraded kind of the serverless model; did you mean 'cold cache'?", err);
    }

    [Theory]
    [InlineData("promote-into-dead-zone.yaml")]
    [InlineData("region-during-promote.yaml")]
    [InlineData("nested-interrupt.yaml")]
    [InlineData("b1-region-outage-during-planned-failover.yaml")]
    [InlineData("b2-primary-fails-during-planned-dns.yaml")]
    [InlineData("b6-same-zone-becomes-zone-redundant.yaml")]
    public void Each_case_meets_the_expectations_its_file_states_through_the_cli(string file)
    {
        var (exit, stdout, err) = CliHarness.Run("run", $"tests/HaSim.Cli.Tests/repro/{file}", "--no-files", "--check-invariants");
        Assert.True(exit == 0, err);
        Assert.Matches("(?m)^Checked +[1-9][0-9,]* invariant checks held$", stdout);
    }

    private static ScenarioResult Run(string file) =>
        ScenarioRunner.Run(ScenarioLoader.Load(Path.Combine(RepoPaths.Root, "tests", "HaSim.Cli.Tests", "repro", file)), checkInvariants: true);
}
