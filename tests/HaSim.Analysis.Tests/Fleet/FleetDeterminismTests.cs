using HaSim.Analysis.Fleet;
using HaSim.Analysis.MonteCarlo;

namespace HaSim.Analysis.Tests.Fleet;

/// <summary>A fleet run's accumulated state is byte-identical for any thread count and any split into shards, through partial files too.</summary>
public class FleetDeterminismTests
{
    private static readonly HaSim.Scenarios.Fleet.FleetScenario Mixed = FleetRuns.Parse("""
        name: mixed
        fleet:
          groups:
            - {name: web, preset: serverless, count: 60, placement: {computes_per_node: 10}}
            - {name: billing, preset: azure-zone-redundant-ha, count: 24, placement: {zones: [az-2, az-3]}}
            - {name: cache, preset: aiven-startup, count: 12}
            - {name: batch, preset: serverless, count: 20, placement: {zones: [az-1], computes_per_node: 10}}
          capacity:
            compute.spare_slots_per_az: 5
            compute.warm_pool_per_az: 2
            control_plane.concurrency: 3
            vm_provisioning.concurrency_per_az: 2
        timeline:
          - {at: 1 h, target: az-2, fault: outage, duration: 30 min}
          - {at: 2 h, target: batch/az-1/node-0, fault: fail}
          - {at: 3 h, target: billing/3/primary, fault: fail}
        """);

    private static readonly FleetSettings Years = new(0.5, 6, 11, Mixed.HorizonSeconds);

    [Fact]
    public void Fleet_monte_carlo_is_the_same_for_any_threads_and_shards()
    {
        string one = State(FleetRunner.Run(Mixed, Years, ShardSpec.Whole, threads: 1, checkInvariants: true));
        string two = State(FleetRunner.Run(Mixed, Years, ShardSpec.Whole, threads: 2, checkInvariants: true));
        Assert.Equal(one, two);

        var identity = FleetIdentity.From(Mixed, "mixed");
        var partials = Enumerable.Range(0, 3)
            .Select(i => ($"shard {i}", FleetPartialResult.Parse(new FleetPartialResult(identity, Years, new ShardSpec(i, 3), FleetRunner.Run(Mixed, Years, new ShardSpec(i, 3), threads: 2)).ToJsonText())))
            .Reverse()
            .ToList();
        var (mergedIdentity, merged) = FleetPartialResult.Merge(partials);
        Assert.Equal(one, State(merged));
        Assert.True(mergedIdentity.SameAs(identity));

        var summary = merged.Summarise(identity);
        Assert.Equal(6, summary.Replications);
        Assert.Equal(116, summary.Databases);
        Assert.NotNull(summary.Monthly);
        Assert.Equal(36, summary.Monthly!.Months);
        Assert.Equal(6 * 60, summary.Groups[0].PerDatabase.Settings.Replications);
        Assert.Contains(summary.Events, e => e.Kind == "az_outage" && e.Events >= 6);
        Assert.Contains(summary.Events, e => e.Kind == "node_failure");
        Assert.Contains(summary.Pools, p => p.Key == "control_plane" && p.Requests > 0);
    }

    [Fact]
    public void A_replay_is_the_same_every_time_and_tracing_nothing_changes_nothing()
    {
        var first = FleetRunner.Replay(Mixed, checkInvariants: true);
        var second = FleetRunner.Replay(Mixed);
        Assert.Equal(State(first.Accumulator), State(second.Accumulator));
        Assert.Equal(first.Incidents, second.Incidents);
        Assert.True(first.InvariantChecks > 0);

        // The zone outage takes down the 20 web computes and the 4 single servers placed in az-2, and the
        // 12 zone-redundant primaries there (half of 24 over az-2 and az-3); the batch group is all in az-1.
        var az = first.Events.Single(e => e.Event.Kind.Key == "az_outage");
        Assert.Equal(20 + 4 + 12, az.Affected);
        Assert.Equal(az.Affected, az.Steps[0].DatabasesDown);
        Assert.Equal(0, az.Steps[^1].DatabasesDown);
        Assert.Equal(az.Steps.Select(s => s.SecondsAfterEvent).Order(), az.Steps.Select(s => s.SecondsAfterEvent));

        // The node failure takes the 10 batch computes on node 0 of az-1 (none of the group lives elsewhere, so none moved in).
        var node = first.Events.Single(e => e.Event.Kind.Key == "node_failure");
        Assert.Equal("batch/az-1/node-0", node.Event.Subject);
        Assert.Equal(10, node.Affected);
    }

    private static string State(FleetAccumulator a) => JsonText.Write(a.ToJson());
}
