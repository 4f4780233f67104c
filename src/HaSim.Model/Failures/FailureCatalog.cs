using HaSim.Model.Faults;
using HaSim.Model.Parameters;

namespace HaSim.Model.Failures;

/// <summary>The random failure processes of each architecture and the parameters they read.</summary>
public static class FailureCatalog
{
    /// <summary>Serverless failure processes.</summary>
    public static IReadOnlyList<FailureProcessSpec> Serverless { get; } =
    [
        new("postgres_crash", "compute", FaultKind.Crash, false, "Postgres process crash in the compute VM"),
        new("unresponsive", "compute", FaultKind.Hang, true, "compute endpoint stops answering"),
        new("vm_failure", "compute-vm", FaultKind.Fail, false, "compute VM lost (kernel panic, host termination)"),
        new("node_failure", "compute-node", FaultKind.Fail, false, "Kubernetes node hosting the compute lost"),
        new("pageserver_failure", "pageserver*", FaultKind.Fail, false, "pageserver node lost (primary or secondary)"),
        new("safekeeper_outage", "safekeeper-*", FaultKind.Outage, true, "safekeeper node unavailable, then back"),
        new("az_outage", "az-*", FaultKind.Outage, true, "availability zone outage"),
        new("region_outage", "region", FaultKind.Outage, true, "whole-region outage"),
        new("object_storage_outage", "object-storage", FaultKind.Outage, true, "object storage unavailable"),
    ];

    /// <summary>Failure processes of server-based architectures (standby ones apply only with standbys).</summary>
    public static IReadOnlyList<FailureProcessSpec> Servers { get; } =
    [
        new("engine_crash", "primary", FaultKind.Crash, false, "database engine process crash on the primary"),
        new("server_failure", "primary", FaultKind.Fail, false, "primary server (VM or node) lost"),
        new("standby_failure", "standby*", FaultKind.Fail, false, "standby server (VM or node) lost"),
        new("storage_copy_failure", "primary-storage", FaultKind.Fail, false, "one copy of the primary's storage lost"),
        new("az_outage", "az-*", FaultKind.Outage, true, "availability zone outage"),
        new("region_outage", "region", FaultKind.Outage, true, "whole-region outage"),
    ];

    /// <summary>Planned maintenance with a standby: a planned failover.</summary>
    public static FailureProcessSpec PlannedFailover { get; } = new("maintenance", "primary", FaultKind.PlannedFailover, false, "planned maintenance: patch the standby, then a planned failover");

    /// <summary>Planned maintenance without a standby: a restart, modelled as an engine restart with crash recovery.</summary>
    public static FailureProcessSpec MaintenanceRestart { get; } = new("maintenance", "primary", FaultKind.Crash, false, "planned maintenance restart (modelled as an engine restart)");

    /// <summary>The failure processes of a model; server models with standbys get planned failovers, without them maintenance restarts.</summary>
    public static IReadOnlyList<FailureProcessSpec> For(Presets.ModelKind model) => model switch
    {
        Presets.ModelKind.Serverless => Serverless,
        Presets.ModelKind.SyncStandby => [.. Servers, PlannedFailover],
        _ => [.. Servers.Where(s => s.Name != "standby_failure"), MaintenanceRestart],
    };

    /// <summary>The parameter definitions of <paramref name="specs"/>.</summary>
    public static IEnumerable<ParameterDefinition> Parameters(IEnumerable<FailureProcessSpec> specs)
    {
        foreach (var s in specs)
        {
            yield return new ParameterDefinition(s.IntervalKey, ParameterKind.Duration, $"time between {s.Description} events, per component; 0 s disables them");
            if (s.HasDuration)
            {
                yield return new ParameterDefinition(s.DurationKey, ParameterKind.Duration, $"how long a {s.Description} lasts");
            }
        }
    }
}
