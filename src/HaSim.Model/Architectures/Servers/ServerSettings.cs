using System.Runtime.CompilerServices;
using HaSim.Kernel.Distributions;
using HaSim.Model.Parameters;
using P = HaSim.Model.Architectures.Servers.ServerParameters;

namespace HaSim.Model.Architectures.Servers;

/// <summary>
/// The server parameters resolved once per parameter set (Monte Carlo builds a system per
/// replication; none reads a parameter by key while it runs). Standby figures are absent (zero
/// standbys) for node replacement.
/// </summary>
internal sealed class ServerSettings
{
    private static readonly ConditionalWeakTable<ParameterSet, ServerSettings> Cache = new();

    private ServerSettings(ParameterSet p)
    {
        HealthDetection = p.Get(P.HealthDetection);
        CrashDetection = p.Get(P.CrashDetection);
        EngineRestart = p.Get(P.EngineRestart);
        CheckpointInterval = p.Get(P.CheckpointInterval);
        MaxWal = p.Get(P.MaxWal);
        CrashReplayRate = p.Get(P.CrashReplayRate);
        StorageSurvives = p.Get(P.StorageSurvives);
        CopyRebuild = p.Get(P.CopyRebuild);
        Provision = p.Get(P.Provision);
        StorageAttach = p.Get(P.StorageAttach);
        DnsUpdate = p.Get(P.DnsUpdate);
        DnsTtl = p.Get(P.DnsTtl);
        SnapshotInterval = p.Get(P.SnapshotInterval);
        WalArchiving = p.Get(P.WalArchiving);
        ArchiveLag = p.Get(P.ArchiveLag);
        Retention = p.Get(P.Retention);
        OperatorReaction = p.Get(P.OperatorReaction);
        RestoreRate = p.Get(P.RestoreRate);
        RestoreWalReplayRate = p.Get(P.RestoreWalReplayRate);
        CacheWarmup = p.Get(P.CacheWarmup);
        CacheWarmsAtOnce = CacheWarmup.Quantile(1) <= 0;
        if (p.Has(P.StandbyCount))
        {
            Standbys = p.Get(P.StandbyCount);
            SameZone = p.Get(P.SameZone);
            StandbyRebuild = p.Get(P.StandbyRebuild);
            Synchronous = p.Get(P.ReplicationMode) == "synchronous";
            AsyncLag = p.Get(P.AsyncLag);
            ReplayRate = p.Get(P.ReplayRate);
            FalsePositiveGuard = p.Get(P.FalsePositiveGuard);
            Fence = p.Get(P.Fence);
            Promote = p.Get(P.Promote);
            WriteBlock = p.Get(P.WriteBlock);
            ForcedStopDelay = p.Get(P.ForcedStopDelay);
        }
        else
        {
            Synchronous = true;
            StandbyRebuild = AsyncLag = FalsePositiveGuard = Fence = Promote = WriteBlock = ForcedStopDelay = new Constant(0);
            ReplayRate = 1;
        }
    }

    public Distribution HealthDetection { get; }

    public Distribution CrashDetection { get; }

    public Distribution EngineRestart { get; }

    public double CheckpointInterval { get; }

    public double MaxWal { get; }

    public double CrashReplayRate { get; }

    public bool StorageSurvives { get; }

    public Distribution CopyRebuild { get; }

    public Distribution Provision { get; }

    public Distribution StorageAttach { get; }

    public Distribution DnsUpdate { get; }

    public Distribution DnsTtl { get; }

    public double SnapshotInterval { get; }

    public bool WalArchiving { get; }

    public Distribution ArchiveLag { get; }

    public double Retention { get; }

    public Distribution OperatorReaction { get; }

    public double RestoreRate { get; }

    public double RestoreWalReplayRate { get; }

    public Distribution CacheWarmup { get; }

    /// <summary>True if the cache is never cold (a warm-up of at most 0 s): resolved once, as reconciliation asks after every incident.</summary>
    public bool CacheWarmsAtOnce { get; }

    public int Standbys { get; }

    public bool SameZone { get; }

    public Distribution StandbyRebuild { get; }

    public bool Synchronous { get; }

    public Distribution AsyncLag { get; }

    public double ReplayRate { get; }

    public Distribution FalsePositiveGuard { get; }

    public Distribution Fence { get; }

    public Distribution Promote { get; }

    public Distribution WriteBlock { get; }

    public Distribution ForcedStopDelay { get; }

    public static ServerSettings For(ParameterSet parameters) => Cache.GetValue(parameters, p => new ServerSettings(p));
}
