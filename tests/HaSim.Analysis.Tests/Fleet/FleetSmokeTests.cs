using HaSim.Analysis.Fleet;
using HaSim.Scenarios.Fleet;
using Xunit.Abstractions;

namespace HaSim.Analysis.Tests.Fleet;

public class FleetSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Smoke()
    {
        var scenario = FleetScenarioLoader.Parse("""
            name: smoke
            fleet:
              groups:
                - {name: web, preset: serverless, count: 300}
              capacity:
                compute.spare_slots_per_az: 20
                compute.warm_pool_per_az: 5
            timeline:
              - {at: 10 min, target: az-1, fault: outage, duration: 1 h}
            """, "smoke.yaml");
        var replay = FleetRunner.Replay(scenario, checkInvariants: true);
        var summary = replay.Accumulator.Summarise(FleetIdentity.From(scenario, "x"));
        var az = summary.Event(FleetEventKind.ZoneOutage)!;
        output.WriteLine($"affected {az.Affected.Mean} t50 {az.TimeTo(0.5).Seconds.Mean} t90 {az.TimeTo(0.9).Seconds.Mean} t99 {az.TimeTo(0.99).Seconds.Mean} all {az.TimeTo(1).Seconds.Mean} peak {summary.PeakDatabasesDown.Max} checks {replay.InvariantChecks}");
        foreach (var p in summary.Pools)
        {
            output.WriteLine($"{p.Key} cap {p.Capacity} peak {p.PeakInUse.Max} req {p.Requests} waited {p.Waited} misses {p.Misses} wait {p.WaitSecondsPerReplication.Mean}");
        }
    }
}
