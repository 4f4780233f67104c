using HaSim.Model.Failures;
using HaSim.Model.Faults;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Model.Topology;
using N = HaSim.Model.Architectures.Serverless.ServerlessNames;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>The descriptor of the serverless architecture.</summary>
public static class ServerlessArchitecture
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

    /// <summary>Postgres crashes in the compute VM.</summary>
    public static FailureProcess PostgresCrashes { get; } = new("postgres_crash", "Postgres process crash in the compute VM", FaultKind.Crash, [ComputeFamily], false);

    /// <summary>The endpoint stops answering for a while.</summary>
    public static FailureProcess Hangs { get; } = new("unresponsive", "compute endpoint stops answering", FaultKind.Hang, [ComputeFamily], true);

    /// <summary>The compute VM is lost.</summary>
    public static FailureProcess VmFailures { get; } = new("vm_failure", "compute VM lost (kernel panic, host termination)", FaultKind.Fail, [VmFamily], false);

    /// <summary>The compute's node is lost.</summary>
    public static FailureProcess NodeFailures { get; } = new("node_failure", "Kubernetes node hosting the compute lost", FaultKind.Fail, [NodeFamily], false);

    /// <summary>A pageserver (attached or secondary) is lost.</summary>
    public static FailureProcess PageserverFailures { get; } = new("pageserver_failure", "pageserver node lost (attached or secondary)", FaultKind.Fail, [PageserverFamily, SecondaryFamily], false);

    /// <summary>A safekeeper is unavailable for a while.</summary>
    public static FailureProcess SafekeeperOutages { get; } = new("safekeeper_outage", "safekeeper node unavailable, then back", FaultKind.Outage, [SafekeeperFamily], true);

    /// <summary>The random failure processes (parameters.md section D).</summary>
    public static IReadOnlyList<FailureProcess> FailureProcesses { get; } =
        [PostgresCrashes, Hangs, VmFailures, NodeFailures, PageserverFailures, SafekeeperOutages, InfrastructureFailures.ZoneOutages, InfrastructureFailures.RegionOutages, InfrastructureFailures.ObjectStorageOutages];

    /// <summary>Serverless Postgres with separated storage and compute (seed 000).</summary>
    public static ArchitectureDescriptor Descriptor { get; } = Create();

    private static ServerlessSystem Serverless(DatabaseSystem system) => (ServerlessSystem)system;

    private static ArchitectureDescriptor Create()
    {
        var catalog = new ParameterCatalog(
            ModelKind.Serverless.Name(),
            [.. ServerlessParameters.All, .. FailureProcesses.SelectMany(f => f.Parameters)],
            [ServerlessParameters.QuorumWithinCount]);
        ArchitectureDescriptor? self = null;
        self = new ArchitectureDescriptor(
            ModelKind.Serverless,
            "separated storage and stateless compute",
            catalog,
            Targets,
            [
                new(ComputeFamily, FaultKind.Crash, N.PostgresCrash, (s, f) => Serverless(s).PostgresCrashed(f)),
                new(ComputeFamily, FaultKind.Hang, N.Unresponsive, (s, f) => Serverless(s).ComputeHung(f)),
                new(VmFamily, FaultKind.Fail, N.VmFailure, (s, f) => Serverless(s).VmFailed(f)),
                new(NodeFamily, FaultKind.Fail, N.NodeFailure, (s, f) => Serverless(s).NodeFailed(f)),
                new(PageserverFamily, FaultKind.Fail, N.PageserverFailure, (s, f) => Serverless(s).PageserverFailed(f)),
                new(SecondaryFamily, FaultKind.Fail, N.PageserverFailure, (s, f) => Serverless(s).SecondaryFailed(f)),
                new(SafekeeperFamily, FaultKind.Fail, N.QuorumLost, (s, f) => Serverless(s).SafekeeperFailed(f)),
                new(SafekeeperFamily, FaultKind.Outage, N.QuorumLost, (s, f) => Serverless(s).SafekeeperOutage(f)),
                new(InfrastructureTargets.ObjectStorageFamily, FaultKind.Outage, N.ObjectStorageOutage, (s, f) => Serverless(s).ObjectStorageOutage(f)),
                new(InfrastructureTargets.ZoneFamily, FaultKind.Outage, N.ZoneOutage, (s, f) => Serverless(s).ZoneOutage(f)),
                new(InfrastructureTargets.RegionFamily, FaultKind.Outage, N.RegionOutage, (s, f) => Serverless(s).RegionOutage(f)),
            ],
            _ => FailureProcesses,
            ServerlessStages.All,
            N.Modes,
            N.Degraded,
            context => new ServerlessSystem(context, self!),
            () => [new ServerlessServingPathChecker(), new ServerlessRepairChecker()]);
        return self;
    }

    private static IReadOnlyList<Target> Targets(ParameterSet parameters)
    {
        int safekeepers = parameters.Get(ServerlessParameters.SafekeeperCount);
        var targets = new List<Target>
        {
            new(ComputeFamily, 0, "compute", "compute", "the Postgres process of the compute endpoint", [FaultKind.Crash, FaultKind.Hang]),
            new(VmFamily, 0, "compute_vm", "compute-vm", "the VM running the compute", [FaultKind.Fail]),
            new(NodeFamily, 0, "compute_node", "compute-node", "the Kubernetes node hosting the compute VM", [FaultKind.Fail]),
            new(PageserverFamily, 0, "pageserver", "pageserver", "the pageserver the compute reads from", [FaultKind.Fail]),
            new(SecondaryFamily, 0, "pageserver_secondary", "pageserver-secondary", "the secondary pageserver", [FaultKind.Fail]),
            InfrastructureTargets.ObjectStorage(),
            InfrastructureTargets.Region("the whole region (no cross-region replication)"),
        };
        targets.AddRange(InfrastructureTargets.Zones());
        for (int i = 0; i < safekeepers; i++)
        {
            targets.Add(new Target(SafekeeperFamily, i, $"safekeeper_{i + 1}", $"safekeeper-{i + 1}", $"safekeeper {i + 1}, in {Infrastructure.ZoneName(i % Infrastructure.ZoneCount)}", [FaultKind.Fail, FaultKind.Outage]));
        }

        return targets;
    }
}
