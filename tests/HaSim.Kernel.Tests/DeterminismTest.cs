using HaSim.Kernel.Distributions;

namespace HaSim.Kernel.Tests;

/// <summary>The same seed gives the same run, event for event; another seed gives another run.</summary>
public class DeterminismTest
{
    [Fact]
    public void The_same_seed_gives_an_identical_event_trace()
    {
        var first = Trace(seed: 17);
        var second = Trace(seed: 17);

        Assert.True(first.Count > 1_000, $"the model is too small to be a test ({first.Count} events)");
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_different_seed_gives_a_different_event_trace()
    {
        var first = Trace(seed: 17);
        var other = Trace(seed: 18);

        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_trace_covers_every_kind_of_kernel_event()
    {
        var kinds = Trace(seed: 17).Select(e => e.EventType).ToHashSet();

        Assert.Superset(new HashSet<string> { "ProcessStart", "Timeout", "Request", "Event", "Condition", "InterruptDelivery", "Process" }, kinds);
    }

    /// <summary>
    /// A small stochastic model touching most of the kernel: machines that fail and queue for a
    /// crew, a spare pool (store), a chaos process that interrupts random machines, and a
    /// watchdog that waits on conditions. Returns (time, event type, process name) per event.
    /// </summary>
    private static List<(double Time, string EventType, string? Process)> Trace(ulong seed)
    {
        var sim = new Simulation(seed);
        var trace = new List<(double, string, string?)>();
        sim.EventDequeued = (t, ev) => trace.Add((t, ev.GetType().Name, (ev as Process)?.Name ?? ev.WaitingProcess?.Name));

        var crews = new Resource(sim, 2);
        var spares = new Store<int>(sim, capacity: 3);
        var upTime = Exponential.FromMean(50);
        var repairTime = LogNormal.FromMedianAndP99(4, 20);
        var failures = sim.Streams.Get("failures");
        var repairs = sim.Streams.Get("repairs");
        var chaos = sim.Streams.Get("chaos");
        var machines = new List<Process>();
        for (int i = 0; i < 6; i++)
        {
            machines.Add(sim.Process(Machine(i), $"machine-{i}"));
        }

        sim.Process(Supplier(), "supplier");
        sim.Process(Chaos(), "chaos");
        sim.Process(Watchdog(), "watchdog");
        sim.Run(2_000);
        return trace;

        IEnumerable<Event> Machine(int id)
        {
            while (true)
            {
                yield return sim.Timeout(upTime.Sample(failures));
                sim.ActiveProcess!.TryTakeInterruption(out _);
                using (var crew = crews.Request())
                {
                    yield return crew;
                    if (sim.ActiveProcess!.TryTakeInterruption(out _))
                    {
                        continue;
                    }

                    yield return spares.Get();
                    sim.ActiveProcess!.TryTakeInterruption(out _);
                    yield return sim.Timeout(repairTime.Sample(repairs));
                    sim.ActiveProcess!.TryTakeInterruption(out _);
                }
            }
        }

        IEnumerable<Event> Supplier()
        {
            for (int part = 0; ; part++)
            {
                yield return spares.Put(part);
                yield return sim.Timeout(8);
            }
        }

        IEnumerable<Event> Chaos()
        {
            while (true)
            {
                yield return sim.Timeout(Exponential.FromMean(40).Sample(chaos));
                machines[chaos.Next(machines.Count)].Interrupt("chaos");
            }
        }

        IEnumerable<Event> Watchdog()
        {
            while (true)
            {
                var heartbeat = sim.Event();
                sim.Process(Beat(heartbeat), "beat");
                yield return sim.AnyOf(heartbeat, sim.Timeout(25));
                yield return sim.AllOf(sim.Timeout(1), sim.Timeout(2));
            }
        }

        IEnumerable<Event> Beat(Event heartbeat)
        {
            yield return sim.Timeout(Exponential.FromMean(20).Sample(chaos));
            heartbeat.Succeed();
        }
    }
}
