using HaSim.Kernel;
using HaSim.Kernel.Distributions;
using HaSim.Kernel.Random;

namespace HaSim.Benchmarks.Models;

/// <summary>
/// Covers: the event queue and pooled timeouts, nothing else.
/// Scenario: P processes each wait an exponential time (mean 1) over and over until T.
/// Expected completions: about P * T (2e6 for P=10,000 and T=200).
/// </summary>
public static class TimeoutsOnly
{
    public const int Processes = 10_000;
    public const double Until = 200;
    public const ulong RandomSeed = 42;

    /// <summary>The model on the HaSim kernel: one iterator process per sleeper.</summary>
    public static ModelResult RunKernel(ulong seed = RandomSeed, int processes = Processes, double until = Until)
    {
        var sim = new Simulation(seed);
        var delay = Exponential.FromMean(1);
        var stream = sim.Streams.Get("delay");
        var counter = new Counter();
        for (int i = 0; i < processes; i++)
        {
            sim.Process(Sleeper(sim, delay, stream, counter));
        }

        sim.Run(until * ModelResult.WarmUpFraction);
        long warmEvents = sim.ProcessedEventCount;
        long warmBytes = GC.GetAllocatedBytesForCurrentThread();
        sim.Run(until);
        long steadyBytes = GC.GetAllocatedBytesForCurrentThread() - warmBytes;
        long steadyEvents = sim.ProcessedEventCount - warmEvents;
        return new ModelResult(sim.ProcessedEventCount, counter.Count, counter.Count / until, 0, steadyEvents, steadyBytes);
    }

    /// <summary>The same model as a bare loop over <see cref="PriorityQueue{TElement, TPriority}"/> of process indices.</summary>
    public static ModelResult RunBare(ulong seed = RandomSeed, int processes = Processes, double until = Until)
    {
        var streams = new RandomStreams(seed);
        var delay = Exponential.FromMean(1);
        var stream = streams.Get("delay");
        var queue = new PriorityQueue<int, double>(processes);
        for (int i = 0; i < processes; i++)
        {
            queue.Enqueue(i, delay.Sample(stream));
        }

        long events = 0;
        double warmUpEnd = until * ModelResult.WarmUpFraction;
        long warmEvents = -1;
        long warmBytes = 0;
        while (queue.TryPeek(out int id, out double now) && now < until)
        {
            if (warmEvents < 0 && now >= warmUpEnd)
            {
                warmEvents = events;
                warmBytes = GC.GetAllocatedBytesForCurrentThread();
            }

            queue.Dequeue();
            events++;
            queue.Enqueue(id, now + delay.Sample(stream));
        }

        long steadyBytes = GC.GetAllocatedBytesForCurrentThread() - warmBytes;
        return new ModelResult(events, events, events / until, 0, events - warmEvents, steadyBytes);
    }

    private static IEnumerable<Event> Sleeper(Simulation sim, Exponential delay, RandomStream stream, Counter counter)
    {
        while (true)
        {
            yield return sim.Timeout(delay.Sample(stream));
            counter.Count++;
        }
    }

    private sealed class Counter
    {
        public long Count;
    }
}
