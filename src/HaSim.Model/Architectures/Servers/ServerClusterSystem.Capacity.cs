using HaSim.Model.Capacity;
using HaSim.Model.Names;
using HaSim.Model.Workflows;
using static HaSim.Model.Workflows.WorkflowStep;

namespace HaSim.Model.Architectures.Servers;

/// <summary>In a fleet: the shared pools a server database's builds, failovers and restores hold while they run.</summary>
public sealed partial class ServerClusterSystem
{
    private const int CapacityGrantedTimer = 2;

    /// <summary>Requests on the primary's path (failover, replacement, restore) go before standby rebuilds.</summary>
    private const int PrimaryPriority = 0;

    /// <summary>Rebuilding a standby (no downtime) waits behind every primary's recovery.</summary>
    private const int RebuildPriority = 1;
    private readonly SharedCapacity? _pools;
    private readonly Action _wake;
    private readonly CapacityLease _primaryVm;
    private readonly CapacityLease _controlPlane;
    private readonly CapacityLease _bandwidth;
    private readonly CapacityLease[] _rebuildVms;

    /// <summary>True if the database is in a fleet and shares VM provisioning, the control plane and restore bandwidth.</summary>
    public bool SharesCapacity => _pools is not null;

    /// <summary>The claims on shared pools of the primary's path (VM, control plane, restore bandwidth).</summary>
    public IEnumerable<CapacityLease> PrimaryPathLeases => [_primaryVm, _controlPlane, _bandwidth];

    /// <summary>The claim on VM provisioning of the rebuild of <paramref name="server"/>'s slot.</summary>
    public CapacityLease RebuildLease(Server server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return _rebuildVms[server.Index];
    }

    /// <summary>Claims released by a run that ended (cancelled, or by a path that skipped its release): give them back.</summary>
    private void ReleaseIdleLeases()
    {
        if (_pools is null)
        {
            return;
        }

        if (!_primaryRun.IsRunning)
        {
            ReleaseIfActive(_primaryVm);
            ReleaseIfActive(_controlPlane);
            ReleaseIfActive(_bandwidth);
        }

        for (int i = 0; i < _rebuildVms.Length; i++)
        {
            if (!_rebuildRuns[i].IsRunning)
            {
                ReleaseIfActive(_rebuildVms[i]);
            }
        }
    }

    private void ReleaseIfActive(CapacityLease lease)
    {
        if (lease.IsActive)
        {
            ReleaseLease(lease);
            Changed();
        }
    }

    private static void ReleaseLease(CapacityLease lease) => (lease.Pool as CapacityPool)?.Release(lease);

    /// <summary>The steps a run takes to hold <paramref name="lease"/> from <paramref name="pool"/> (none alone): ask, and wait in <paramref name="waitStage"/> if it queues.</summary>
    private WorkflowStep[] Hold(CapacityLease lease, Func<CapacityPool> pool, Func<double> amount, StageId waitStage, int priority = PrimaryPriority) => _pools is null
        ? []
        : [Do(() => pool().Request(lease, amount(), 0, priority)), WaitUntil(waitStage, () => lease.IsGranted)];

    /// <summary>The step that gives <paramref name="lease"/> back (none alone).</summary>
    private WorkflowStep[] Free(CapacityLease lease) => _pools is null ? [] : [Do(() => ReleaseLease(lease))];

    private WorkflowStep[] HoldVm(CapacityLease lease, Func<int> zone, int priority = PrimaryPriority) => Hold(lease, () => _pools!.VmProvisioning[zone()], () => 1, ServerStages.WaitForVmCapacity, priority);

    private WorkflowStep[] HoldControlPlane() => Hold(_controlPlane, () => _pools!.ControlPlane!, () => 1, ServerStages.WaitForControlPlane);

    private WorkflowStep[] HoldBandwidth() => Hold(_bandwidth, () => _pools!.RestoreBandwidth!, () => _s.RestoreRate, ServerStages.WaitForRestoreBandwidth);

    /// <summary>The rate a restore copies at: its own, or in a fleet the share of the bandwidth it holds.</summary>
    private double RestoreCopyRate => _pools is null ? _s.RestoreRate : _bandwidth.Amount;
}
