namespace HaSim.Kernel.Tests;

/// <summary>Timeouts, including the pooled ones made by <see cref="Simulation.Timeout(double)"/>.</summary>
public class TimeoutTest
{
    [Fact]
    public void A_timeout_succeeds_after_its_delay_with_its_value()
    {
        var sim = new Simulation();
        var t = new Timeout(sim, 2.5, "ready");

        sim.Run();

        Assert.Equal(2.5, sim.Now);
        Assert.True(t.IsOk);
        Assert.Equal("ready", t.Value);
        Assert.Equal(2.5, t.DelaySeconds);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Negative_infinite_or_missing_delays_are_rejected(double delay)
    {
        var sim = new Simulation();

        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Timeout(delay));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Timeout(sim, delay));
    }

    [Fact]
    public void A_rejected_delay_does_not_lose_or_corrupt_a_pooled_timeout()
    {
        var sim = new Simulation();
        var times = new List<double>();
        sim.Process(Body());

        sim.Run();

        Assert.Equal([1.0, 2.0], times);

        IEnumerable<Event> Body()
        {
            yield return sim.Timeout(1);
            times.Add(sim.Now);
            Assert.Throws<ArgumentOutOfRangeException>(() => sim.Timeout(-5));
            yield return sim.Timeout(1);
            times.Add(sim.Now);
        }
    }

    [Fact]
    public void Pooled_timeouts_are_reused_once_they_have_resumed_their_process()
    {
        var sim = new Simulation();
        var seen = new HashSet<Timeout>(ReferenceEqualityComparer.Instance);
        sim.Process(Loop());

        sim.Run();

        // A lone process alternating timeouts needs at most two objects: the one firing and the next.
        Assert.InRange(seen.Count, 1, 2);
        Assert.Equal(1000.0, sim.Now);

        IEnumerable<Event> Loop()
        {
            for (int i = 0; i < 1000; i++)
            {
                var t = sim.Timeout(1);
                seen.Add(t);
                yield return t;
            }
        }
    }

    [Fact]
    public void A_pooled_timeout_in_a_condition_is_not_reused_while_the_condition_holds_it()
    {
        var sim = new Simulation();
        Timeout? slow = null;
        Condition? any = null;
        var others = new List<Timeout>();
        sim.Process(Body());

        sim.Run();

        // The slow timeout fired at 50 on its own schedule, and no later timeout is the same object.
        Assert.True(slow!.IsProcessed);
        Assert.Equal(50.0, slow.DelaySeconds);
        Assert.DoesNotContain(others, t => ReferenceEquals(t, slow));
        Assert.True(any!.IsOk);
        Assert.Same(slow, any.Events[1]);

        IEnumerable<Event> Body()
        {
            slow = sim.Timeout(50);
            any = sim.AnyOf(sim.Timeout(1), slow);
            yield return any;

            // Many pooled timeouts come and go while the slow one is still pending and after it fired.
            for (int i = 0; i < 200; i++)
            {
                var t = sim.Timeout(1);
                others.Add(t);
                yield return t;
            }
        }
    }

    [Fact]
    public void A_timeout_put_in_a_condition_after_it_fired_keeps_its_state()
    {
        var sim = new Simulation();
        Timeout? first = null;
        Condition? any = null;
        sim.Process(Body());

        sim.Run();

        Assert.True(first!.IsProcessed);
        Assert.Equal(3.0, first.DelaySeconds);
        Assert.Equal(new Event[] { first }, (Event[])any!.Value!);

        IEnumerable<Event> Body()
        {
            first = sim.Timeout(3);
            yield return first;

            // The timeout has fired and resumed us; a condition made now must see it as it is.
            any = sim.AnyOf(first, sim.Timeout(100));
            yield return any;
            for (int i = 0; i < 10; i++)
            {
                yield return sim.Timeout(7);
            }
        }
    }

    [Fact]
    public void An_interrupted_wait_returns_its_timeout_to_the_pool_only_after_it_fires()
    {
        var sim = new Simulation();
        var resumes = new List<double>();
        Process? p = null;
        p = sim.Process(Body());
        sim.Process(Interrupt());

        sim.Run();

        Assert.Equal([2.0, 3.0, 4.0, 5.0, 6.0, 7.0], resumes);

        IEnumerable<Event> Body()
        {
            yield return sim.Timeout(5);
            p!.TakeInterruption();
            resumes.Add(sim.Now);
            for (int i = 0; i < 5; i++)
            {
                yield return sim.Timeout(1);
                resumes.Add(sim.Now);
            }
        }

        IEnumerable<Event> Interrupt()
        {
            yield return sim.Timeout(2);
            p!.Interrupt();
        }
    }
}
