using HaSim.Model.Faults;
using HaSim.Model.Topology;
using static HaSim.Model.Architectures.Serverless.ServerlessTargets;
using N = HaSim.Model.Architectures.Serverless.ServerlessNames;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>Which faults the serverless architecture accepts, and how each changes the components.</summary>
public sealed partial class ServerlessSystem
{
    /// <summary>Every fault a serverless database accepts: target family and kind, failure mode, handler.</summary>
    internal static IReadOnlyList<FaultRoute> Routes { get; } =
    [
        new(ComputeFamily, FaultKind.Crash, N.PostgresCrash, (s, f) => ((ServerlessSystem)s).PostgresCrashed(f)),
        new(ComputeFamily, FaultKind.Hang, N.Unresponsive, (s, f) => ((ServerlessSystem)s).ComputeHung(f)),
        new(VmFamily, FaultKind.Fail, N.VmFailure, (s, f) => ((ServerlessSystem)s).VmFailed(f)),
        new(NodeFamily, FaultKind.Fail, N.NodeFailure, (s, f) => ((ServerlessSystem)s).NodeFailed(f)),
        new(PageserverFamily, FaultKind.Fail, N.PageserverFailure, (s, f) => ((ServerlessSystem)s).PageserverFailed(f)),
        new(SecondaryFamily, FaultKind.Fail, N.PageserverFailure, (s, f) => ((ServerlessSystem)s).SecondaryFailed(f)),
        new(SafekeeperFamily, FaultKind.Fail, N.QuorumLost, (s, f) => ((ServerlessSystem)s).SafekeeperFailed(f)),
        new(SafekeeperFamily, FaultKind.Outage, N.QuorumLost, (s, f) => ((ServerlessSystem)s).SafekeeperOutage(f)),
        new(InfrastructureTargets.ObjectStorageFamily, FaultKind.Outage, N.ObjectStorageOutage, (s, f) => ((ServerlessSystem)s).ObjectStorageOutage(f)),
        new(InfrastructureTargets.ZoneFamily, FaultKind.Outage, N.ZoneOutage, (s, f) => ((ServerlessSystem)s).ZoneOutage(f)),
        new(InfrastructureTargets.RegionFamily, FaultKind.Outage, N.RegionOutage, (s, f) => ((ServerlessSystem)s).RegionOutage(f)),
    ];

    /// <summary>Postgres crashes in its VM.</summary>
    internal void PostgresCrashed(Fault fault) => _compute.Fail(ComputeState.Crashed);

    /// <summary>The endpoint stops answering, for the fault's duration if it has one.</summary>
    internal void ComputeHung(Fault fault)
    {
        if (_compute.Fail(ComputeState.Unresponsive) && fault.DurationSeconds is { } d)
        {
            After(d, HangEndTimer, _compute.HangEpoch);
        }
    }

    /// <summary>The compute's VM is lost.</summary>
    internal void VmFailed(Fault fault) => _compute.Fail(ComputeState.VmLost);

    /// <summary>The Kubernetes node hosting the compute is lost.</summary>
    internal void NodeFailed(Fault fault) => _compute.Fail(ComputeState.NodeLost);

    /// <summary>The attached pageserver is lost.</summary>
    internal void PageserverFailed(Fault fault) => _attached.Lose();

    /// <summary>The secondary pageserver is lost.</summary>
    internal void SecondaryFailed(Fault fault)
    {
        if (_secondary.Lose() && Tracing)
        {
            Trace("note", "pageserver-secondary", "secondary lost");
        }
    }

    /// <summary>A safekeeper is lost for good and replaced.</summary>
    internal void SafekeeperFailed(Fault fault) => _safekeepers[fault.Target.Index].Lose();

    /// <summary>A safekeeper is unavailable for the fault's duration (or the rest of the run).</summary>
    internal void SafekeeperOutage(Fault fault)
    {
        var sk = _safekeepers[fault.Target.Index];
        if (sk.GoDown(fault.DurationSeconds is { } d ? Now + d : double.PositiveInfinity) && fault.DurationSeconds is { } duration)
        {
            After(duration, SafekeeperReturnTimer, sk.Index);
        }
    }

    /// <summary>Object storage is unavailable: no downtime (seed 000), durability rests on pageservers and safekeepers.</summary>
    internal void ObjectStorageOutage(Fault fault) => Infrastructure.ObjectStorageOutage(fault.DurationSeconds, fault);

    /// <summary>An availability zone goes down.</summary>
    internal void ZoneOutage(Fault fault) => Infrastructure.ZoneOutage(fault.Target.Index, fault.DurationSeconds, fault);

    /// <summary>The region goes down.</summary>
    internal void RegionOutage(Fault fault) => Infrastructure.RegionOutage(fault.DurationSeconds, fault);
}
