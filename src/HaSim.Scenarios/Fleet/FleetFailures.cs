using HaSim.Kernel;
using HaSim.Kernel.Distributions;
using HaSim.Model.Architectures.Serverless;
using HaSim.Model.Failures;
using HaSim.Model.Faults;
using HaSim.Model.Topology;
using HaSim.Scenarios.Running;

namespace HaSim.Scenarios.Fleet;

/// <summary>
/// The random failures of a fleet: zone, region and object-storage outages once for the whole fleet
/// (figures from the first group, streams <c>failures/az_outage/az-1</c> as for one database, so a
/// fleet and a database alone with the same seed see the same zone events), node failures once per
/// node of each serverless group (<c>failures/node_failure/{group}/{zone}/node-{n}</c>), and every
/// other failure process per database on the database's own streams.
/// </summary>
internal static class FleetFailures
{
    public static void Start(FleetSimulation fleet)
    {
        var scenario = fleet.Scenario;
        var sim = fleet.Simulation;
        var first = scenario.Groups[0].Parameters;
        foreach (var zone in FleetTargets.Zones)
        {
            Shared(fleet, InfrastructureFailures.ZoneOutages, zone, first);
        }

        Shared(fleet, InfrastructureFailures.RegionOutages, FleetTargets.Region, first);
        if (scenario.Groups.FirstOrDefault(g => g.IsServerless) is { } serverless)
        {
            Shared(fleet, InfrastructureFailures.ObjectStorageOutages, FleetTargets.ObjectStorage, serverless.Parameters);
        }

        for (int g = 0; g < scenario.Groups.Count; g++)
        {
            var group = scenario.Groups[g];
            if (!group.IsServerless)
            {
                continue;
            }

            var interval = group.Parameters.Get(ServerlessArchitecture.NodeFailures.Interval);
            if (interval.Mean <= 0)
            {
                continue;
            }

            for (int z = 0; z < Model.Topology.Infrastructure.ZoneCount; z++)
            {
                for (int n = 0; n < group.NodesPerZone; n++)
                {
                    string name = $"failures/node_failure/{group.Name}/{Model.Topology.Infrastructure.ZoneName(z)}/node-{n}";
                    sim.Process(NodeFailures(fleet, g, z, n, interval, name), name);
                }
            }
        }

        for (int k = 0; k < fleet.Databases.Count; k++)
        {
            var db = fleet.Databases[k];
            var group = scenario.Groups[fleet.GroupOf(k)];
            FailureInjector.Start(db, group.Parameters, sim.Streams.Child($"db/{group.Name}/{fleet.IndexInGroup(k)}"), IsPerDatabase);
        }
    }

    /// <summary>Processes a database runs itself: not those of the shared infrastructure or of shared nodes.</summary>
    private static bool IsPerDatabase(FailureProcess process) =>
        !process.Families.Any(f => ReferenceEquals(f, InfrastructureTargets.ZoneFamily) || ReferenceEquals(f, InfrastructureTargets.RegionFamily)
            || ReferenceEquals(f, InfrastructureTargets.ObjectStorageFamily) || ReferenceEquals(f, ServerlessTargets.NodeFamily));

    private static void Shared(FleetSimulation fleet, FailureProcess process, Target target, Model.Parameters.ParameterSet parameters)
    {
        if (!parameters.Has(process.Interval))
        {
            return;
        }

        var interval = parameters.Get(process.Interval);
        if (interval.Mean <= 0)
        {
            return;
        }

        var duration = parameters.Get(process.Duration!);
        string name = $"failures/{process.Key}/{target.Label}";
        fleet.Simulation.Process(SharedFailures(fleet, process, target, interval, duration, name), name);
    }

    private static IEnumerable<Event> SharedFailures(FleetSimulation fleet, FailureProcess process, Target target, Distribution interval, Distribution duration, string stream)
    {
        var sim = fleet.Simulation;
        var random = sim.Streams.Get(stream);
        string origin = "random " + process.Key;
        double wait = interval.SampleForwardRecurrence(random);
        while (true)
        {
            yield return sim.Timeout(wait);
            fleet.InfrastructureFault(new Fault(sim.Now, target, FaultKind.Outage, duration.Sample(random), origin));
            wait = interval.Sample(random);
        }
    }

    private static IEnumerable<Event> NodeFailures(FleetSimulation fleet, int group, int zone, int node, Distribution interval, string stream)
    {
        var sim = fleet.Simulation;
        var random = sim.Streams.Get(stream);
        double wait = interval.SampleForwardRecurrence(random);
        while (true)
        {
            yield return sim.Timeout(wait);
            fleet.NodeFault(group, zone, node, "random node_failure");
            wait = interval.Sample(random);
        }
    }
}
