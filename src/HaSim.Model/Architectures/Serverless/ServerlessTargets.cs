using HaSim.Model.Parameters;
using HaSim.Model.Topology;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>The fault targets of the serverless architecture, by family.</summary>
public static class ServerlessTargets
{
    /// <summary>The compute's Postgres process.</summary>
    public static TargetFamily ComputeFamily { get; } = new("compute", "compute", ComponentKind.Engine);

    /// <summary>The compute's VM.</summary>
    public static TargetFamily VmFamily { get; } = new("compute_vm", "compute-vm", ComponentKind.Vm);

    /// <summary>The Kubernetes node hosting the compute.</summary>
    public static TargetFamily NodeFamily { get; } = new("compute_node", "compute-node", ComponentKind.Node);

    /// <summary>The attached pageserver.</summary>
    public static TargetFamily PageserverFamily { get; } = new("pageserver", "pageserver", ComponentKind.Pageserver);

    /// <summary>The secondary pageserver.</summary>
    public static TargetFamily SecondaryFamily { get; } = new("pageserver_secondary", "pageserver-secondary", ComponentKind.Pageserver);

    /// <summary>The safekeepers.</summary>
    public static TargetFamily SafekeeperFamily { get; } = new("safekeeper", "safekeeper", ComponentKind.Safekeeper);

    /// <summary>The targets of a serverless database with <paramref name="parameters"/>: compute, its VM and node, the pageservers, object storage, the region, the zones and the safekeepers.</summary>
    public static IReadOnlyList<Target> For(ParameterSet parameters)
    {
        int safekeepers = parameters.Get(ServerlessParameters.SafekeeperCount);
        var targets = new List<Target>
        {
            new(ComputeFamily, 0, "compute", "compute", "the Postgres process of the compute endpoint"),
            new(VmFamily, 0, "compute_vm", "compute-vm", "the VM running the compute"),
            new(NodeFamily, 0, "compute_node", "compute-node", "the Kubernetes node hosting the compute VM"),
            new(PageserverFamily, 0, "pageserver", "pageserver", "the pageserver the compute reads from"),
            new(SecondaryFamily, 0, "pageserver_secondary", "pageserver-secondary", "the secondary pageserver"),
            InfrastructureTargets.ObjectStorage(),
            InfrastructureTargets.Region("the whole region (no cross-region replication)"),
        };
        targets.AddRange(InfrastructureTargets.Zones());
        for (int i = 0; i < safekeepers; i++)
        {
            targets.Add(new Target(SafekeeperFamily, i, $"safekeeper_{i + 1}", $"safekeeper-{i + 1}", $"safekeeper {i + 1}, in {Infrastructure.ZoneName(i % Infrastructure.ZoneCount)}"));
        }

        return targets;
    }
}
