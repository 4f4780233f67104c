using HaSim.Model.Names;

namespace HaSim.Model.Architectures.Servers;

/// <summary>The recovery stages of the server-based architectures (seed 002's step tables, seed 001's replacement).</summary>
public static class ServerStages
{
    /// <summary>The health monitor decides the primary is unreachable.</summary>
    public static StageId HealthDetection { get; } = new("health_detection", "health monitor detects the primary is unreachable");

    /// <summary>A few seconds against a false positive.</summary>
    public static StageId FalsePositiveGuard { get; } = new("false_positive_guard", "false-positive guard");

    /// <summary>Fence the old primary, sever replication.</summary>
    public static StageId Fence { get; } = new("fence_primary", "fence the old primary and sever replication");

    /// <summary>The standby replays the WAL it received but had not applied.</summary>
    public static StageId ReplayResidualWal { get; } = new("replay_residual_wal", "standby replays residual WAL");

    /// <summary>The standby becomes the primary.</summary>
    public static StageId Promote { get; } = new("promote_standby", "promote the standby to primary");

    /// <summary>DNS points at the promoted standby.</summary>
    public static StageId UpdateDns { get; } = new("update_dns", "update DNS to the new primary");

    /// <summary>The supervisor notices the engine exited.</summary>
    public static StageId DetectEngineCrash { get; } = new("detect_engine_crash", "detect the engine crash");

    /// <summary>The engine starts.</summary>
    public static StageId StartEngine { get; } = new("start_engine", "start the engine");

    /// <summary>Crash recovery replays the WAL since the last checkpoint.</summary>
    public static StageId CrashRecovery { get; } = new("crash_recovery", "crash recovery: replay WAL since the last checkpoint");

    /// <summary>A new VM is provisioned for the lost server.</summary>
    public static StageId ProvisionVm { get; } = new("provision_vm", "provision a new VM");

    /// <summary>The surviving remote storage is attached to the new VM.</summary>
    public static StageId AttachStorage { get; } = new("attach_storage", "attach the remote storage to the new VM");

    /// <summary>DNS points at the replacement VM.</summary>
    public static StageId UpdateDnsNewVm { get; } = new("update_dns_new_vm", "update DNS to the new VM");

    /// <summary>The restore begins (an operator's reaction where it is not automatic).</summary>
    public static StageId StartRestore { get; } = new("start_restore", "start a restore from backup");

    /// <summary>A new server is provisioned in an available zone for the restore.</summary>
    public static StageId ProvisionRestoreServer { get; } = new("provision_restore_server", "provision a new server in a healthy zone");

    /// <summary>The latest backup is copied to the new server.</summary>
    public static StageId RestoreBackup { get; } = new("restore_backup", "restore the latest backup");

    /// <summary>Archived WAL since the backup is replayed.</summary>
    public static StageId ReplayArchivedWal { get; } = new("replay_archived_wal", "replay archived WAL since the backup");

    /// <summary>DNS points at the restored server.</summary>
    public static StageId UpdateDnsRestored { get; } = new("update_dns_restored", "update DNS to the restored server");

    /// <summary>Everything waits for the region to return.</summary>
    public static StageId WaitForRegion { get; } = new("wait_for_region", "wait for the region to return");

    /// <summary>Every zone is down: recovery waits for one to run in.</summary>
    public static StageId WaitForZone { get; } = new("wait_for_zone", "wait for a zone to run in");

    /// <summary>A new standby waits for its zone to return.</summary>
    public static StageId WaitForStandbyZone { get; } = new("wait_for_standby_zone", "wait for the standby's zone to host a new standby");

    /// <summary>A new standby waits for a serving primary to copy from.</summary>
    public static StageId WaitForPrimaryToCopy { get; } = new("wait_for_primary_to_copy", "wait for a primary to copy a new standby from");

    /// <summary>A new standby is provisioned.</summary>
    public static StageId BuildStandby { get; } = new("build_standby", "build a new standby");

    /// <summary>The new standby replays the WAL written while it was built.</summary>
    public static StageId StandbyCatchUp { get; } = new("standby_catch_up", "new standby replays the WAL it missed");

    /// <summary>Planned failover: wait until the standby has caught up.</summary>
    public static StageId WaitForCatchUp { get; } = new("wait_for_standby_catch_up", "wait for the standby to catch up");

    /// <summary>Planned failover: writes are blocked.</summary>
    public static StageId BlockWrites { get; } = new("block_writes", "block writes while the standby reaches the primary's LSN");

    /// <summary>Forced failover: the primary is stopped.</summary>
    public static StageId StopPrimary { get; } = new("stop_primary", "stop the primary for the forced failover");

    /// <summary>A lost copy of locally redundant storage is rebuilt.</summary>
    public static StageId RebuildStorageCopy { get; } = new("rebuild_storage_copy", "rebuild the lost storage copy");

    /// <summary>In a fleet: the build waits for VM provisioning capacity in its zone.</summary>
    public static StageId WaitForVmCapacity { get; } = new("wait_for_vm_capacity", "wait for VM provisioning capacity in the zone");

    /// <summary>In a fleet: the failover or restore waits for the control plane.</summary>
    public static StageId WaitForControlPlane { get; } = new("wait_for_control_plane", "wait for the control plane to take the failover or restore");

    /// <summary>In a fleet: the restore waits for backup-restore bandwidth.</summary>
    public static StageId WaitForRestoreBandwidth { get; } = new("wait_for_restore_bandwidth", "wait for backup-restore bandwidth");

    /// <summary>Every stage, in declaration order.</summary>
    public static NameSet<StageId> All { get; } = new(
    [
        HealthDetection, FalsePositiveGuard, Fence, ReplayResidualWal, Promote, UpdateDns, DetectEngineCrash, StartEngine, CrashRecovery,
        ProvisionVm, AttachStorage, UpdateDnsNewVm, StartRestore, ProvisionRestoreServer, RestoreBackup, ReplayArchivedWal, UpdateDnsRestored,
        WaitForRegion, WaitForZone, WaitForStandbyZone, WaitForPrimaryToCopy, BuildStandby, StandbyCatchUp, WaitForCatchUp, BlockWrites, StopPrimary,
        RebuildStorageCopy, WaitForVmCapacity, WaitForControlPlane, WaitForRestoreBandwidth,
    ]);
}
