using HaSim.Analysis.Fleet;
using HaSim.Analysis.MonteCarlo;
using HaSim.Scenarios.Fleet;

namespace HaSim.Analysis.Tests.Fleet;

/// <summary>Builds fleet scenarios from text and runs them with the invariant checkers on.</summary>
internal static class FleetRuns
{
    public static FleetScenario Parse(string yaml) => FleetScenarioLoader.Parse(yaml, "fleet.yaml");

    /// <summary><paramref name="count"/> serverless endpoints over the three zones, az-1 failing at 10 min for an hour.</summary>
    public static FleetScenario AzOutage(int count, int spare, int warm, int concurrent = 3) => Parse($"""
        name: az-outage-{count}
        fleet:
          groups:
            - {"{"}name: endpoints, preset: serverless, count: {count}{"}"}
          capacity:
            compute.spare_slots_per_az: {spare}
            compute.warm_pool_per_az: {warm}
            nodes.max_concurrent: {concurrent}
        timeline:
          - {"{"}at: 10 min, target: az-1, fault: outage, duration: 1 h{"}"}
        """);

    /// <summary>Replays the scenario's timeline <paramref name="replications"/> times on <paramref name="threads"/> threads, checking invariants.</summary>
    public static FleetSummary Replays(FleetScenario scenario, int replications, int threads = 2, ulong seed = 1, double level = 0.95)
    {
        var settings = new FleetSettings(null, replications, seed, scenario.HorizonSeconds, level);
        return FleetRunner.Run(scenario, settings, ShardSpec.Whole, threads, checkInvariants: true).Summarise(FleetIdentity.From(scenario, scenario.Name));
    }
}
