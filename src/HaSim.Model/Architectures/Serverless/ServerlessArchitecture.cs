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
    /// <summary>Postgres crashes in the compute VM.</summary>
    public static FailureProcess PostgresCrashes { get; } = new("postgres_crash", "Postgres process crash in the compute VM", FaultKind.Crash, [ServerlessTargets.ComputeFamily], false);

    /// <summary>The endpoint stops answering for a while.</summary>
    public static FailureProcess Hangs { get; } = new("unresponsive", "compute endpoint stops answering", FaultKind.Hang, [ServerlessTargets.ComputeFamily], true);

    /// <summary>The compute VM is lost.</summary>
    public static FailureProcess VmFailures { get; } = new("vm_failure", "compute VM lost (kernel panic, host termination)", FaultKind.Fail, [ServerlessTargets.VmFamily], false);

    /// <summary>The compute's node is lost.</summary>
    public static FailureProcess NodeFailures { get; } = new("node_failure", "Kubernetes node hosting the compute lost", FaultKind.Fail, [ServerlessTargets.NodeFamily], false);

    /// <summary>A pageserver (attached or secondary) is lost.</summary>
    public static FailureProcess PageserverFailures { get; } = new("pageserver_failure", "pageserver node lost (attached or secondary)", FaultKind.Fail, [ServerlessTargets.PageserverFamily, ServerlessTargets.SecondaryFamily], false);

    /// <summary>A safekeeper is unavailable for a while.</summary>
    public static FailureProcess SafekeeperOutages { get; } = new("safekeeper_outage", "safekeeper node unavailable, then back", FaultKind.Outage, [ServerlessTargets.SafekeeperFamily], true);

    /// <summary>The random failure processes (parameters.md section D).</summary>
    public static IReadOnlyList<FailureProcess> FailureProcesses { get; } =
        [PostgresCrashes, Hangs, VmFailures, NodeFailures, PageserverFailures, SafekeeperOutages, InfrastructureFailures.ZoneOutages, InfrastructureFailures.RegionOutages, InfrastructureFailures.ObjectStorageOutages];

    /// <summary>Serverless Postgres with separated storage and compute (seed 000).</summary>
    public static ArchitectureDescriptor Descriptor { get; } = Create();

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
            ServerlessTargets.For,
            ServerlessSystem.Routes,
            _ => FailureProcesses,
            ServerlessStages.All,
            N.Modes,
            N.Degraded,
            context => new ServerlessSystem(context, self!),
            () => [new ServerlessServingPathChecker(), new ServerlessRepairChecker()]);
        return self;
    }
}
