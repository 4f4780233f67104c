using HaSim.Model.Capacity;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Fleet;

namespace HaSim.Scenarios.Tests;

/// <summary>Fleet scenario files: groups, placement, capacity and a fleet timeline, with located errors.</summary>
public class FleetScenarioLoaderTests
{
    private const string Groups = """
        fleet:
          groups:
            - name: web
              preset: serverless
              count: 100
              placement: {zones: [az-1, az-2], computes_per_node: 20}
            - {name: billing, preset: azure-zone-redundant-ha, count: 7}
        """;

    private static FleetScenario Load(string yaml) => FleetScenarioLoader.Parse(yaml, TestYaml.FileName);

    private static ScenarioDiagnostic Error(string yaml) => TestYaml.Single(() => Load(yaml));

    [Fact]
    public void A_fleet_reads_groups_placement_capacity_and_every_kind_of_target()
    {
        var fleet = Load(Groups + """

              capacity:
                compute.spare_slots_per_az: 75
                restore.bandwidth: 500 MB/s
            timeline:
              - {at: 20 min, target: web/az-2/node-1, fault: fail}
              - {at: 10 min, target: az-1, fault: outage, duration: 1 h}
              - {at: 30 min, target: billing/6/primary, fault: fail}
            """);

        Assert.Equal(107, fleet.DatabaseCount);
        var web = fleet.Groups[0];
        Assert.Equal([0, 1], web.Zones);
        Assert.Equal(3, web.NodesPerZone); // 50 computes per zone, 20 to a node
        Assert.Equal(new Model.Topology.DatabasePlacement(1, 0, 3), web.PlacementOf(1));
        Assert.Equal(new Model.Topology.DatabasePlacement(0, 1, 3), web.PlacementOf(2));
        Assert.Equal(75, fleet.Capacity.Get(CapacityParameters.SpareSlotsPerZone));
        Assert.Equal(5e8, fleet.Capacity.Get(CapacityParameters.RestoreBandwidth));
        Assert.Equal(["compute.spare_slots_per_az", "restore.bandwidth"], fleet.CapacityOverrides);
        Assert.Equal([FleetFaultScope.Infrastructure, FleetFaultScope.Node, FleetFaultScope.Database], fleet.Timeline.Select(f => f.Scope));
        Assert.Equal((0, 1, 1), (fleet.Timeline[1].Group, fleet.Timeline[1].Zone, fleet.Timeline[1].Node));
        Assert.Equal((1, 6), (fleet.Timeline[2].Group, fleet.Timeline[2].Database));
        Assert.True(fleet.HasServerless && fleet.HasServers);
    }

    [Fact]
    public void A_target_naming_no_group_lists_the_forms_a_fleet_target_takes()
    {
        var d = Error(Groups + "\ntimeline:\n  - {at: 1 min, target: api/3/compute, fault: crash}\n");
        TestYaml.AssertAt(d, 9, 25, "timeline[0].target");
        Assert.Contains("names no group of this fleet (groups: web, billing)", d.Message, StringComparison.Ordinal);
        Assert.Contains("GROUP/ZONE/node-N", d.Suggestion, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("web/az-1/node-3", "fail", "'node-3' is not a node of group web in az-1")]
    [InlineData("billing/az-1/node-0", "fail", "group billing runs azure-zone-redundant-ha, whose servers do not share nodes")]
    [InlineData("web/100/compute", "crash", "'100' in 'web/100/compute' is neither a zone nor a database of group web")]
    [InlineData("web/0/az-1", "outage", "az-1 is shared by the whole fleet: write 'target: az-1'")]
    [InlineData("billing/0/compute", "crash", "'compute' is not a component of the azure-zone-redundant-ha preset")]
    [InlineData("web/az-1/node-0", "crash", "fault 'crash' does not apply to a node")]
    [InlineData("region", "fail", "fault 'fail' does not apply to region")]
    public void Bad_fleet_targets_are_reported_at_the_field(string target, string fault, string message)
    {
        var d = Error(Groups + $"\ntimeline:\n  - {{at: 1 min, target: {target}, fault: {fault}}}\n");
        Assert.Equal(9, d.Line);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_errors_name_the_field_and_suggest_a_fix()
    {
        var e = TestYaml.Fails(() => Load("""
            fleet:
              groups:
                - {name: web, preset: serverles, count: 10}
                - {name: Web2, preset: azure-non-ha, count: 0, placement: {computes_per_node: 3, zones: [az-4]}}
                - {name: dup, preset: serverless, count: 1}
                - {name: dup, preset: serverless, count: 1}
              capacity:
                compute.spare_slot_per_az: 3
            """));
        var messages = e.Diagnostics.Select(d => $"{d.Line}:{d.FieldPath}: {d.FullMessage}").ToList();
        Assert.Contains(messages, m => m.StartsWith("3:fleet.groups[0].preset: unknown preset 'serverles'; did you mean 'serverless'?", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("4:fleet.groups[1].name: 'Web2' is not a group name", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("4:fleet.groups[1].count:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("4:fleet.groups[1].placement.zones[0]: 'az-4' is not a zone", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("4:fleet.groups[1].placement.computes_per_node: computes_per_node applies to serverless groups", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("6:fleet.groups[3].name: two groups are named 'dup'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("8:fleet.capacity.compute.spare_slot_per_az: 'compute.spare_slot_per_az' is not a parameter of the fleet capacity model; did you mean 'compute.spare_slots_per_az'?", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fleet_has_a_bounded_size()
    {
        var d = Error("fleet:\n  groups:\n    - {name: a, preset: serverless, count: 40000}\n    - {name: b, preset: serverless, count: 40001}\n");
        Assert.Contains("count", d.FieldPath, StringComparison.Ordinal);
        Assert.Contains("40000", d.FullMessage, StringComparison.Ordinal);
        var total = Error("fleet:\n  groups:\n    - {name: a, preset: serverless, count: 20000}\n    - {name: b, preset: serverless, count: 20000}\n    - {name: c, preset: serverless, count: 1}\n");
        Assert.Contains("the fleet has 40001 databases; at most 40000 are allowed", total.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_database_loader_refuses_a_fleet_file_with_a_pointer_to_run()
    {
        var d = TestYaml.Single(() => ScenarioLoader.Parse(Groups, TestYaml.FileName));
        TestYaml.AssertAt(d, 1, 1, "fleet");
        Assert.Contains("this is a fleet scenario", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweeps_change_a_capacity_figure_or_a_group_in_code()
    {
        var fleet = Load(Groups);
        var more = fleet.WithCapacity(CapacityParameters.SpareSlotsPerZone.Key, Model.Parameters.ParameterValue.Of(Model.Parameters.ParameterKind.Count, 500, Model.Parameters.ParameterSource.Sourced("sweep")))
            .WithGroup("web", g => g with { Count = 2000 });
        Assert.Equal(500, more.Capacity.Get(CapacityParameters.SpareSlotsPerZone));
        Assert.Equal(2007, more.DatabaseCount);
        Assert.Equal(50, fleet.Capacity.Get(CapacityParameters.SpareSlotsPerZone));
        Assert.Throws<ArgumentException>(() => fleet.WithGroup("api", g => g));
    }
}
