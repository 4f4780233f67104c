namespace HaSim.Model.Faults;

/// <summary>What goes wrong with a target. Which kinds apply depends on the target's component kind.</summary>
public enum FaultKind
{
    /// <summary>The database engine process crashes and can be restarted in place.</summary>
    Crash,

    /// <summary>The engine or endpoint stays up but stops answering (unresponsive).</summary>
    Hang,

    /// <summary>The component is lost (kernel panic, host termination, hardware) and must be replaced.</summary>
    Fail,

    /// <summary>The component is unavailable for a duration, then returns (zones, regions, object storage).</summary>
    Outage,

    /// <summary>An operator-initiated switch to the standby with a clean, drained shutdown.</summary>
    PlannedFailover,

    /// <summary>An operator-initiated failover that stops the primary, as an unplanned outage would.</summary>
    ForcedFailover,
}

/// <summary>Scenario-file names of fault kinds.</summary>
public static class FaultKindNames
{
    private static readonly (FaultKind Kind, string Name)[] Names =
    [
        (FaultKind.Crash, "crash"),
        (FaultKind.Hang, "hang"),
        (FaultKind.Fail, "fail"),
        (FaultKind.Outage, "outage"),
        (FaultKind.PlannedFailover, "planned-failover"),
        (FaultKind.ForcedFailover, "forced-failover"),
    ];

    /// <summary>All names, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = Names.Select(n => n.Name).ToArray();

    /// <summary>The scenario-file name of <paramref name="kind"/>.</summary>
    public static string Name(this FaultKind kind) => kind switch
    {
        FaultKind.Crash => "crash",
        FaultKind.Hang => "hang",
        FaultKind.Fail => "fail",
        FaultKind.Outage => "outage",
        FaultKind.PlannedFailover => "planned-failover",
        FaultKind.ForcedFailover => "forced-failover",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fault kind."),
    };

    /// <summary>Parses a name; returns false if unknown.</summary>
    public static bool TryParse(string name, out FaultKind kind)
    {
        foreach (var (k, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
