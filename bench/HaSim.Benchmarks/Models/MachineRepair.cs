using HaSim.Kernel;
using HaSim.Kernel.Distributions;
using HaSim.Kernel.Random;

namespace HaSim.Benchmarks.Models;

/// <summary>
/// Covers: processes, pooled timeouts and a FIFO <see cref="Resource"/> under load.
/// Scenario: N machines share C repair crews. Each machine runs for an exponential time
/// (mean <see cref="UpMean"/>), then queues for a crew, is repaired for an exponential time
/// (mean <see cref="RepairMean"/>) and goes back up. With N=1000, C=10, up mean 100 and
/// repair mean 5 the finite-source queue (M/M/10//1000) has throughput 2.000 repairs per
/// time unit and a mean wait for a crew of 395.0.
/// </summary>
public static class MachineRepair
{
    public const int Machines = 1000;
    public const int Crews = 10;
    public const double UpMean = 100;
    public const double RepairMean = 5;
    public const double Until = 500_000;
    public const ulong RandomSeed = 42;

    /// <summary>The model on the HaSim kernel: one iterator process per machine.</summary>
    public static ModelResult RunKernel(ulong seed = RandomSeed, int machines = Machines, int crews = Crews, double until = Until)
    {
        var sim = new Simulation(seed);
        var crewPool = new Resource(sim, crews);
        var stats = new Stats();
        var up = Exponential.FromMean(UpMean);
        var repair = Exponential.FromMean(RepairMean);
        var upStream = sim.Streams.Get("up");
        var repairStream = sim.Streams.Get("repair");
        for (int i = 0; i < machines; i++)
        {
            sim.Process(Machine(sim, crewPool, up, upStream, repair, repairStream, stats));
        }

        sim.Run(until * ModelResult.WarmUpFraction);
        long warmEvents = sim.ProcessedEventCount;
        long warmBytes = GC.GetAllocatedBytesForCurrentThread();
        sim.Run(until);
        long steadyBytes = GC.GetAllocatedBytesForCurrentThread() - warmBytes;
        long steadyEvents = sim.ProcessedEventCount - warmEvents;
        return new ModelResult(sim.ProcessedEventCount, stats.Repairs, stats.Repairs / until, stats.Waits == 0 ? 0 : stats.TotalWait / stats.Waits, steadyEvents, steadyBytes);
    }

    /// <summary>
    /// The same model as a bare callback loop over <see cref="PriorityQueue{TElement, TPriority}"/>:
    /// element i &lt; N is machine i failing, element N + i is machine i's repair finishing.
    /// No allocation per event.
    /// </summary>
    public static ModelResult RunBare(ulong seed = RandomSeed, int machines = Machines, int crews = Crews, double until = Until)
    {
        var streams = new RandomStreams(seed);
        var up = Exponential.FromMean(UpMean);
        var repair = Exponential.FromMean(RepairMean);
        var upStream = streams.Get("up");
        var repairStream = streams.Get("repair");

        var queue = new PriorityQueue<int, double>(machines);
        var waiting = new int[machines];
        var failedAt = new double[machines];
        int head = 0;
        int waitingCount = 0;
        int busy = 0;
        long events = 0;
        long repairs = 0;
        long waits = 0;
        double totalWait = 0;

        for (int i = 0; i < machines; i++)
        {
            queue.Enqueue(i, up.Sample(upStream));
        }

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
            if (id < machines)
            {
                if (busy < crews)
                {
                    busy++;
                    waits++;
                    queue.Enqueue(machines + id, now + repair.Sample(repairStream));
                }
                else
                {
                    failedAt[id] = now;
                    int tail = head + waitingCount;
                    waiting[tail >= machines ? tail - machines : tail] = id;
                    waitingCount++;
                }
            }
            else
            {
                int machine = id - machines;
                repairs++;
                queue.Enqueue(machine, now + up.Sample(upStream));
                if (waitingCount > 0)
                {
                    int next = waiting[head];
                    head = head + 1 == machines ? 0 : head + 1;
                    waitingCount--;
                    waits++;
                    totalWait += now - failedAt[next];
                    queue.Enqueue(machines + next, now + repair.Sample(repairStream));
                }
                else
                {
                    busy--;
                }
            }
        }

        long steadyBytes = GC.GetAllocatedBytesForCurrentThread() - warmBytes;
        return new ModelResult(events, repairs, repairs / until, waits == 0 ? 0 : totalWait / waits, events - warmEvents, steadyBytes);
    }

    private static IEnumerable<Event> Machine(
        Simulation sim, Resource crews, Exponential up, RandomStream upStream, Exponential repair, RandomStream repairStream, Stats stats)
    {
        while (true)
        {
            yield return sim.Timeout(up.Sample(upStream));
            using (var crew = crews.Request())
            {
                yield return crew;
                stats.Waits++;
                stats.TotalWait += sim.Now - crew.RequestedAtSeconds;
                yield return sim.Timeout(repair.Sample(repairStream));
            }

            stats.Repairs++;
        }
    }

    private sealed class Stats
    {
        public long Repairs;
        public long Waits;
        public double TotalWait;
    }
}
