using HaSim.Kernel.Distributions;
using static HaSim.Model.Architectures.Servers.ServerParameters;
using static HaSim.Model.Presets.PresetBuilder;

namespace HaSim.Model.Presets;

/// <summary>Figures shared by the server-based presets: PostgreSQL crash recovery and cloud VM replacement.</summary>
internal static class ServerPresetFigures
{
    /// <summary>Sets the crash-recovery, replacement and restore parameters most server presets share.</summary>
    public static PresetBuilder WithPostgresRecovery(this PresetBuilder p) => p
        .Duration(CrashDetection, new Uniform(1, 5), Assume("service supervisor notices the engine exit within seconds"))
        .Duration(EngineRestart, new Uniform(2, 5), Assume("engine start before crash recovery; seed 002 minor version upgrades restart 'in terms of seconds'"))
        .Seconds(CheckpointInterval, 300, Seed("parameters.md C: checkpoint_timeout 5 min (PostgreSQL default)"))
        .Number(MaxWal, 1e9, Seed("parameters.md C: max_wal_size 1 GB (PostgreSQL default)"))
        .Number(CrashReplayRate, 40e6, Seed("parameters.md C: crash-recovery replay PG14 ~36 MB/s (Citus blog); median 40 MB/s"))
        .Duration(CopyRebuild, LogNormal.FromMedianAndP99(1800, 7200), Assume("re-replication of one locally redundant copy: median 30 min, p99 2 h"))
        .Duration(Provision, new TruncatedNormal(30, 8, 5), Seed("parameters.md C: cloud VM cold launch ~26-30 s, normal mean 30 s, sd 8 s (EC2 measurements)"))
        .Duration(StorageAttach, new Uniform(5, 30), Assume("parameters.md C 'Managed-disk reattach: GUESS 5-30 s uniform'"))
        .Duration(OperatorReaction, new Constant(0), Assume("restores start automatically"))
        .Number(RestoreRate, 200e6, Assume("parameters.md C 'Restore from backup: GUESS 100-300 MB/s': 200 MB/s"))
        .Number(RestoreWalReplayRate, 40e6, Seed("seed 002: WAL recovered at 'the rate of 40 MB/s'"))
        .Duration(CacheWarmup, LogNormal.FromMedianAndP99(300, 1800), Assume("shared buffers and OS cache refilled by the workload: median 5 min, p99 30 min"));
}
