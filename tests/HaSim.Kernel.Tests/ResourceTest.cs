namespace HaSim.Kernel.Tests;

/// <summary>FIFO resources: capacity, queueing, release on dispose, changing capacity, pooled requests.</summary>
public class ResourceTest
{
    [Fact]
    public void Requests_beyond_capacity_queue_and_are_served_first_come_first_served()
    {
        var sim = new Simulation();
        var crews = new Resource(sim, 2);
        var log = new List<(string Name, double Granted)>();
        foreach (var (name, arrival) in new[] { ("a", 0.0), ("b", 0.0), ("c", 1.0), ("d", 2.0), ("e", 3.0) })
        {
            sim.Process(Job(name, arrival));
        }

        sim.Run();

        // Each job holds a crew for 10: a and b at 0, c and d when those finish at 10, e at 20.
        Assert.Equal([("a", 0.0), ("b", 0.0), ("c", 10.0), ("d", 10.0), ("e", 20.0)], log);
        Assert.Equal(30.0, sim.Now);

        IEnumerable<Event> Job(string name, double arrival)
        {
            yield return sim.Timeout(arrival);
            using (var crew = crews.Request())
            {
                yield return crew;
                log.Add((name, sim.Now));
                yield return sim.Timeout(10);
            }
        }
    }

    [Fact]
    public void Withdrawing_from_a_long_queue_that_has_wrapped_around_keeps_the_others_in_order()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 1);
        var holder = res.Request();
        var waiting = new List<Request>();

        // Cycle the queue so its ring buffer wraps, then grow it past its first size.
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < 10; i++)
            {
                waiting.Add(res.Request());
            }

            holder.Dispose();
            holder = waiting[0];
            waiting.RemoveAt(0);
        }

        for (int i = 0; i < 40; i++)
        {
            waiting.Add(res.Request());
        }

        // Withdraw every third waiting request.
        var kept = new List<Request>();
        for (int i = 0; i < waiting.Count; i++)
        {
            if (i % 3 == 1)
            {
                waiting[i].Dispose();
            }
            else
            {
                kept.Add(waiting[i]);
            }
        }

        Assert.Equal(kept.Count, res.QueueLength);
        foreach (var expected in kept)
        {
            holder.Dispose();
            Assert.True(expected.IsGranted);
            holder = expected;
        }

        Assert.Equal(0, res.QueueLength);
        Assert.Equal(1, res.InUse);
    }

    [Fact]
    public void Counts_show_units_in_use_free_and_waiting()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 2);

        var a = res.Request();
        var b = res.Request();
        var c = res.Request();

        Assert.Equal(2, res.InUse);
        Assert.Equal(0, res.Available);
        Assert.Equal(1, res.QueueLength);
        Assert.True(a.IsGranted && b.IsGranted);
        Assert.False(c.IsGranted);

        a.Dispose();
        Assert.True(c.IsGranted);
        Assert.Equal(2, res.InUse);
        Assert.Equal(0, res.QueueLength);
    }

    [Fact]
    public void A_granted_request_records_when_it_was_made()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 1);
        double waited = -1;
        sim.Process(Holder());
        sim.Process(Waiter());

        sim.Run();

        Assert.Equal(4.0, waited);

        IEnumerable<Event> Holder()
        {
            using var unit = res.Request();
            yield return unit;
            yield return sim.Timeout(5);
        }

        IEnumerable<Event> Waiter()
        {
            yield return sim.Timeout(1);
            using var unit = res.Request();
            yield return unit;
            waited = sim.Now - unit.RequestedAtSeconds;
        }
    }

    [Fact]
    public void Leaving_the_using_block_releases_the_unit_even_when_the_process_stops_early()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 1);
        sim.Process(StopsInside());
        var next = sim.Process(Next());

        sim.Run();

        Assert.Equal(0, res.InUse);
        Assert.False(next.IsAlive);
        Assert.Equal(2.0, sim.Now);

        IEnumerable<Event> StopsInside()
        {
            using (var unit = res.Request())
            {
                yield return unit;
                yield return sim.Timeout(2);
                yield break;
            }
        }

        IEnumerable<Event> Next()
        {
            using var unit = res.Request();
            yield return unit;
        }
    }

    [Fact]
    public void Releasing_twice_does_nothing_and_does_not_hand_one_request_to_two_users()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 3);
        var first = res.Request();
        sim.Run();

        res.Release(first);
        first.Dispose();

        var x = res.Request();
        var y = res.Request();
        Assert.NotSame(x, y);
        Assert.Equal(2, res.InUse);
        Assert.True(x.IsGranted && y.IsGranted);
    }

    [Fact]
    public void An_explicit_release_inside_a_using_block_is_harmless()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 1);
        var holders = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            sim.Process(Job($"job {i}"));
        }

        sim.Run();

        Assert.Equal(["job 0 at 0", "job 1 at 1", "job 2 at 2"], holders);
        Assert.Equal(0, res.InUse);
        Assert.NotSame(res.Request(), res.Request());

        IEnumerable<Event> Job(string name)
        {
            using (var unit = res.Request())
            {
                yield return unit;
                holders.Add($"{name} at {sim.Now}");
                yield return sim.Timeout(1);
                res.Release(unit);
            }
        }
    }

    [Fact]
    public void Raising_the_capacity_grants_waiting_requests_at_once()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 1);
        var a = res.Request();
        var b = res.Request();
        var c = res.Request();

        res.SetCapacity(3);

        Assert.True(a.IsGranted && b.IsGranted && c.IsGranted);
        Assert.Equal(3, res.Capacity);
        Assert.Equal(0, res.QueueLength);
    }

    [Fact]
    public void Lowering_the_capacity_keeps_granted_units_but_grants_no_more_until_below_it()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 3);
        var held = new[] { res.Request(), res.Request(), res.Request() };
        res.SetCapacity(1);
        var waiting = res.Request();

        Assert.Equal(3, res.InUse);
        Assert.Equal(0, res.Available);

        held[0].Dispose();
        Assert.False(waiting.IsGranted);
        held[1].Dispose();
        Assert.False(waiting.IsGranted);
        held[2].Dispose();
        Assert.True(waiting.IsGranted);
        Assert.Equal(1, res.InUse);
    }

    [Fact]
    public void Capacity_below_one_at_creation_or_negative_later_is_rejected()
    {
        var sim = new Simulation();

        Assert.Throws<ArgumentOutOfRangeException>(() => new Resource(sim, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resource(sim, 1).SetCapacity(-1));
    }

    [Fact]
    public void Releasing_a_request_of_another_resource_throws()
    {
        var sim = new Simulation();
        var a = new Resource(sim, 1);
        var b = new Resource(sim, 1);

        Assert.Throws<ArgumentException>(() => b.Release(a.Request()));
    }

    [Fact]
    public void Requests_are_pooled_so_a_steady_state_loop_reuses_them()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 1);
        var seen = new HashSet<Request>(ReferenceEqualityComparer.Instance);
        sim.Process(Loop());

        sim.Run();

        // One process requesting 100 times in a row needs only one request object.
        Assert.Single(seen);

        IEnumerable<Event> Loop()
        {
            for (int i = 0; i < 100; i++)
            {
                using var unit = res.Request();
                seen.Add(unit);
                yield return unit;
                yield return sim.Timeout(1);
            }
        }
    }

    [Fact]
    public void A_request_held_by_a_condition_is_not_reused_after_release()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 1);
        var blocker = res.Request();
        var reneged = res.Request();
        var any = sim.AnyOf(reneged, new Timeout(sim, 5));
        sim.Run();

        reneged.Dispose();
        blocker.Dispose();
        var fresh = res.Request();

        Assert.NotSame(reneged, fresh);
        Assert.Same(reneged, any.Events[0]);
    }
}
