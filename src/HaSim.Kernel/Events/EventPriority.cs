namespace HaSim.Kernel;

/// <summary>
/// Priorities for events scheduled at the same simulated time. Lower runs first;
/// among equal priorities, the event scheduled first runs first.
/// </summary>
public static class EventPriority
{
    /// <summary>Interrupts and process starts: run before ordinary events at the same time.</summary>
    public const int Urgent = 0;

    /// <summary>Ordinary events such as timeouts and resource grants.</summary>
    public const int Normal = 1;

    /// <summary>Run after every ordinary event at the same time (for example, end-of-instant observers).</summary>
    public const int Late = 2;

    /// <summary>The largest priority value accepted.</summary>
    public const int Max = 127;
}
