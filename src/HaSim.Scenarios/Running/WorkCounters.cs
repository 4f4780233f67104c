namespace HaSim.Scenarios.Running;

/// <summary>
/// Process-wide totals of the work the runners have done (added once per run, not per event), so
/// tests and tools can bound the work of a command by counting rather than by the clock.
/// </summary>
public static class WorkCounters
{
    private static long _events;
    private static long _runs;

    /// <summary>Simulation events processed by every scripted run and replication so far.</summary>
    public static long Events => Interlocked.Read(ref _events);

    /// <summary>Scripted runs and replications started so far.</summary>
    public static long Runs => Interlocked.Read(ref _runs);

    internal static void Add(long events)
    {
        Interlocked.Add(ref _events, events);
        Interlocked.Increment(ref _runs);
    }
}
