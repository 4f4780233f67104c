namespace HaSim.Benchmarks.Models;

/// <summary>What one run of a benchmark model produced: enough to check it against the closed form.</summary>
/// <param name="Events">Events taken from the event queue (kernel) or the priority queue (bare loop).</param>
/// <param name="Completions">Repairs (machine-repair) or timeouts (timeouts-only) completed before the end time.</param>
/// <param name="Throughput">Completions per unit of simulated time.</param>
/// <param name="MeanWait">Mean wait in queue for a crew (machine-repair only; zero otherwise).</param>
/// <param name="SteadyEvents">Events in the steady-state window (the last 90% of the horizon).</param>
/// <param name="SteadyAllocatedBytes">Bytes this thread allocated during the steady-state window.</param>
public readonly record struct ModelResult(long Events, long Completions, double Throughput, double MeanWait, long SteadyEvents, long SteadyAllocatedBytes)
{
    /// <summary>The fraction of the horizon treated as warm-up when measuring steady-state allocation.</summary>
    public const double WarmUpFraction = 0.1;
}
