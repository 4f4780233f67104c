using HaSim.Model.Names;

namespace HaSim.Model.Faults;

/// <summary>What goes wrong with a target. Which kinds apply depends on the target (see <see cref="Topology.Target.Faults"/>).</summary>
public sealed class FaultKind : TypedName
{
    private FaultKind(string key, string label, string description, bool takesDuration)
        : base(key, label)
    {
        Description = description;
        TakesDuration = takesDuration;
    }

    /// <summary>The engine process crashes and can be restarted in place.</summary>
    public static FaultKind Crash { get; } = new("crash", "crash", "the engine process crashes and can be restarted in place", false);

    /// <summary>The engine or endpoint stays up but stops answering (unresponsive), optionally for a duration.</summary>
    public static FaultKind Hang { get; } = new("hang", "hang", "the endpoint stays up but stops answering", true);

    /// <summary>The component is lost (kernel panic, host termination, hardware) and must be replaced.</summary>
    public static FaultKind Fail { get; } = new("fail", "fail", "the component is lost and must be replaced", false);

    /// <summary>The component is unavailable for a duration (or the rest of the run), then returns.</summary>
    public static FaultKind Outage { get; } = new("outage", "outage", "the component is unavailable, then returns", true);

    /// <summary>An operator-initiated switch to the standby with a clean, drained shutdown.</summary>
    public static FaultKind PlannedFailover { get; } = new("planned_failover", "planned failover", "a drained switch to the standby", false);

    /// <summary>An operator-initiated failover that stops the primary, as an unplanned outage would.</summary>
    public static FaultKind ForcedFailover { get; } = new("forced_failover", "forced failover", "a failover that stops the primary first", false);

    /// <summary>Every fault kind, in declaration order.</summary>
    public static NameSet<FaultKind> All { get; } = new([Crash, Hang, Fail, Outage, PlannedFailover, ForcedFailover]);

    /// <summary>What the fault does.</summary>
    public string Description { get; }

    /// <summary>True if the fault may last a duration (outages and hangs); other faults are undone by their recovery workflow.</summary>
    public bool TakesDuration { get; }

    /// <summary>The spelling scenario files use: the key with hyphens, e.g. <c>planned-failover</c>.</summary>
    public string FileName => Key.Replace('_', '-');
}
