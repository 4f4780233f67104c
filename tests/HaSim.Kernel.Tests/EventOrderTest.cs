namespace HaSim.Kernel.Tests;

/// <summary>Events run by time, then priority (lower first), then the order they were scheduled.</summary>
public class EventOrderTest
{
    [Fact]
    public void Events_run_in_time_order_whatever_order_they_were_scheduled_in()
    {
        var sim = new Simulation();
        var log = new List<(double Time, string Name)>();
        foreach (var (delay, name) in new[] { (5.0, "e"), (1.0, "a"), (3.0, "c"), (2.0, "b"), (4.0, "d") })
        {
            new Timeout(sim, delay, name).AddCallback(ev => log.Add((sim.Now, (string)ev.Value!)));
        }

        sim.Run();

        Assert.Equal([(1.0, "a"), (2.0, "b"), (3.0, "c"), (4.0, "d"), (5.0, "e")], log);
        Assert.Equal(5.0, sim.Now);
    }

    [Fact]
    public void At_the_same_time_lower_priority_values_run_first()
    {
        var sim = new Simulation();
        var log = new List<string>();
        void Add(string name, int priority) => sim.Event().Succeed(name, priority).AddCallback(ev => log.Add((string)ev.Value!));

        Add("late", EventPriority.Late);
        Add("normal", EventPriority.Normal);
        Add("urgent", EventPriority.Urgent);
        Add("custom 7", 7);
        Add("normal 2", EventPriority.Normal);

        sim.Run();

        Assert.Equal(["urgent", "normal", "normal 2", "late", "custom 7"], log);
    }

    [Fact]
    public void At_the_same_time_and_priority_events_run_in_the_order_they_were_scheduled()
    {
        var sim = new Simulation();
        var log = new List<int>();
        for (int i = 0; i < 10; i++)
        {
            new Timeout(sim, 2.0, i).AddCallback(ev => log.Add((int)ev.Value!));
        }

        sim.Run();

        Assert.Equal(Enumerable.Range(0, 10), log);
    }

    [Fact]
    public void Thousands_of_same_time_events_keep_insertion_order_among_other_events()
    {
        // Same-time timeouts interleaved with earlier and later ones, so the heap reshuffles a lot.
        const int count = 20_000;
        var sim = new Simulation();
        var log = new List<int>(count);
        var other = new List<double>();
        var noise = sim.Streams.Get("noise");
        for (int i = 0; i < count; i++)
        {
            new Timeout(sim, 50.0, i).AddCallback(ev => log.Add((int)ev.Value!));
            double t = noise.NextDouble() * 100;
            new Timeout(sim, t).AddCallback(_ => other.Add(sim.Now));
        }

        sim.Run();

        Assert.Equal(Enumerable.Range(0, count), log);
        Assert.Equal(count, other.Count);
        Assert.True(other.SequenceEqual(other.Order()), "the other events ran out of time order");
    }

    [Fact]
    public void Every_dequeue_takes_the_smallest_time_priority_and_insertion_among_pending_events()
    {
        // A random mix of delays (many zero, many tied) and priorities, scheduled both up front
        // and from callbacks, checked against a reference ordered set of pending keys.
        var sim = new Simulation(11);
        var rng = sim.Streams.Get("mix");
        var keys = new Dictionary<Event, (double Time, int Priority, long Seq)>(ReferenceEqualityComparer.Instance);
        var pending = new SortedSet<(double Time, int Priority, long Seq)>();
        long seq = 0;
        int budget = 30_000;
        int checkedCount = 0;
        sim.EventDequeued = (t, ev) =>
        {
            var key = keys[ev];
            Assert.Equal(pending.Min, key);
            Assert.Equal(key.Time, t);
            pending.Remove(key);
            checkedCount++;
        };

        for (int i = 0; i < 200; i++)
        {
            ScheduleRandom();
        }

        sim.Run();

        Assert.Equal(30_000 + 200, checkedCount);
        Assert.Empty(pending);

        void ScheduleRandom()
        {
            Event ev;
            int priority = EventPriority.Normal;
            double delay = 0;
            switch (rng.Next(4))
            {
                case 0:
                    priority = new[] { EventPriority.Urgent, EventPriority.Normal, EventPriority.Late, 5 }[rng.Next(4)];
                    ev = sim.Event().Succeed(null, priority);
                    break;
                case 1:
                    ev = new Timeout(sim, 0);
                    break;
                default:
                    delay = rng.Next(3) == 0 ? rng.Next(4) : rng.NextDouble() * 3;
                    ev = new Timeout(sim, delay);
                    break;
            }

            var key = (sim.Now + delay, priority, seq++);
            keys.Add(ev, key);
            pending.Add(key);
            ev.AddCallback(_ =>
            {
                for (int k = rng.Next(3); k > 0 && budget > 0; k--, budget--)
                {
                    ScheduleRandom();
                }
            });
        }
    }

    [Fact]
    public void Events_triggered_now_run_after_events_already_scheduled_for_now()
    {
        var sim = new Simulation();
        var log = new List<string>();
        sim.Process(Scheduler());
        sim.Run();

        Assert.Equal(["timeout at 1 scheduled first", "succeeded at 1", "zero timeout at 1"], log);

        IEnumerable<Event> Scheduler()
        {
            new Timeout(sim, 1.0).AddCallback(_ => log.Add("timeout at 1 scheduled first"));
            yield return sim.Timeout(1.0);
            sim.Event().Succeed().AddCallback(_ => log.Add("succeeded at 1"));
            new Timeout(sim, 0).AddCallback(_ => log.Add("zero timeout at 1"));
        }
    }

    [Fact]
    public void Urgent_events_triggered_now_overtake_normal_events_already_queued_for_now()
    {
        var sim = new Simulation();
        var log = new List<string>();
        sim.Event().Succeed().AddCallback(_ => log.Add("normal"));
        sim.Event().Succeed(null, EventPriority.Late).AddCallback(_ => log.Add("late"));
        sim.Event().Succeed(null, EventPriority.Urgent).AddCallback(_ => log.Add("urgent"));

        sim.Run();

        Assert.Equal(["urgent", "normal", "late"], log);
    }

    [Fact]
    public void Triggering_an_event_twice_throws()
    {
        var sim = new Simulation();
        var ev = sim.Event().Succeed();

        Assert.Throws<InvalidOperationException>(() => ev.Succeed());
        Assert.Throws<InvalidOperationException>(() => ev.Fail("again"));
    }

    [Fact]
    public void An_event_goes_from_pending_to_triggered_to_processed()
    {
        var sim = new Simulation();
        var ev = sim.Event();
        Assert.Equal(EventState.Pending, ev.State);

        ev.Succeed(42);
        Assert.Equal(EventState.Triggered, ev.State);
        Assert.True(ev.IsOk);
        Assert.Equal(42, ev.Value);

        sim.Run();
        Assert.Equal(EventState.Processed, ev.State);
    }

    [Fact]
    public void Priorities_outside_zero_to_max_are_rejected()
    {
        var sim = new Simulation();

        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Event().Succeed(null, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Event().Succeed(null, EventPriority.Max + 1));
    }

    [Fact]
    public void The_dequeue_observer_sees_every_event_with_its_time()
    {
        var sim = new Simulation();
        var seen = new List<(double, string)>();
        sim.EventDequeued = (t, ev) => seen.Add((t, ev.GetType().Name));
        new Timeout(sim, 2);
        sim.Event().Succeed();

        sim.Run();

        Assert.Equal([(0.0, "Event"), (2.0, "Timeout")], seen);
        Assert.Equal(2, sim.ProcessedEventCount);
    }
}
