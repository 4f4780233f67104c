namespace HaSim.Kernel.Tests;

/// <summary>Processes: iterators that yield the events they wait for.</summary>
public class ProcessTest
{
    [Fact]
    public void A_process_resumes_after_each_timeout_at_the_right_time()
    {
        var sim = new Simulation();
        var times = new List<double>();
        sim.Process(Steps());

        sim.Run();

        Assert.Equal([0.0, 1.5, 4.0], times);

        IEnumerable<Event> Steps()
        {
            times.Add(sim.Now);
            yield return sim.Timeout(1.5);
            times.Add(sim.Now);
            yield return sim.Timeout(2.5);
            times.Add(sim.Now);
        }
    }

    [Fact]
    public void A_process_can_wait_for_another_process_to_finish()
    {
        var sim = new Simulation();
        var log = new List<string>();
        var child = sim.Process(Child(), "child");
        var parent = sim.Process(Parent(), "parent");

        sim.Run();

        Assert.Equal(["child starts at 0", "parent waits at 0", "child ends at 3", "parent resumes at 3"], log);
        Assert.False(child.IsAlive);
        Assert.False(parent.IsAlive);
        Assert.True(child.IsOk);

        IEnumerable<Event> Child()
        {
            log.Add($"child starts at {sim.Now}");
            yield return sim.Timeout(3);
            log.Add($"child ends at {sim.Now}");
        }

        IEnumerable<Event> Parent()
        {
            log.Add($"parent waits at {sim.Now}");
            yield return child;
            log.Add($"parent resumes at {sim.Now}");
        }
    }

    [Fact]
    public void Several_processes_can_wait_for_the_same_process()
    {
        var sim = new Simulation();
        var resumed = new List<(string, double)>();
        var worker = sim.Process(Work());
        sim.Process(Waiter("a"));
        sim.Process(Waiter("b"));
        sim.Process(Waiter("c"));

        sim.Run();

        Assert.Equal([("a", 2.0), ("b", 2.0), ("c", 2.0)], resumed);

        IEnumerable<Event> Work()
        {
            yield return sim.Timeout(2);
        }

        IEnumerable<Event> Waiter(string name)
        {
            yield return worker;
            resumed.Add((name, sim.Now));
        }
    }

    [Fact]
    public void Waiting_for_a_process_that_already_finished_continues_at_once()
    {
        var sim = new Simulation();
        var quick = sim.Process(Quick());
        double resumedAt = -1;
        sim.Process(Late());

        sim.Run();

        Assert.Equal(10.0, resumedAt);

        IEnumerable<Event> Quick()
        {
            yield return sim.Timeout(1);
        }

        IEnumerable<Event> Late()
        {
            yield return sim.Timeout(10);
            yield return quick;
            resumedAt = sim.Now;
        }
    }

    [Fact]
    public void A_process_sees_a_failed_event_as_not_ok_with_its_cause()
    {
        var sim = new Simulation();
        var signal = sim.Event();
        object? cause = null;
        bool ok = true;
        sim.Process(Wait());
        sim.Process(Fail());

        sim.Run();

        Assert.False(ok);
        Assert.Equal("disk full", cause);

        IEnumerable<Event> Wait()
        {
            yield return signal;
            ok = signal.IsOk;
            cause = signal.Value;
        }

        IEnumerable<Event> Fail()
        {
            yield return sim.Timeout(1);
            signal.Fail("disk full");
        }
    }

    [Fact]
    public void The_active_process_is_set_only_while_its_iterator_runs()
    {
        var sim = new Simulation();
        Process? seen = null;
        var p = sim.Process(Body(), "body");

        Assert.Null(sim.ActiveProcess);
        sim.Run();

        Assert.Same(p, seen);
        Assert.Null(sim.ActiveProcess);

        IEnumerable<Event> Body()
        {
            yield return sim.Timeout(1);
            seen = sim.ActiveProcess;
        }
    }

    [Fact]
    public void A_process_that_yields_null_fails_loudly()
    {
        var sim = new Simulation();
        sim.Process(Bad(), "bad");

        var ex = Assert.Throws<InvalidOperationException>(() => sim.Run());
        Assert.Contains("bad", ex.Message);

        IEnumerable<Event> Bad()
        {
            yield return null!;
        }
    }

    [Fact]
    public void A_process_cannot_wait_for_an_event_of_another_simulation()
    {
        var sim = new Simulation();
        var other = new Simulation();
        sim.Process(Bad());

        Assert.Throws<InvalidOperationException>(() => sim.Run());

        IEnumerable<Event> Bad()
        {
            yield return other.Timeout(1);
        }
    }

    [Fact]
    public void An_exception_in_a_process_reaches_the_caller_of_run()
    {
        var sim = new Simulation();
        sim.Process(Throws());

        var ex = Assert.Throws<ArithmeticException>(() => sim.Run());
        Assert.Equal("boom", ex.Message);
        Assert.Null(sim.ActiveProcess);
        Assert.Equal(1.0, sim.Now);

        IEnumerable<Event> Throws()
        {
            yield return sim.Timeout(1);
            throw new ArithmeticException("boom");
        }
    }

    [Fact]
    public void The_waiting_process_of_an_event_names_who_it_will_resume()
    {
        var sim = new Simulation();
        var names = new List<(string Type, string? Process)>();
        sim.EventDequeued = (_, ev) => names.Add((ev.GetType().Name, (ev as Process)?.Name ?? ev.WaitingProcess?.Name));
        sim.Process(Body(), "worker");

        sim.Run();

        Assert.Equal([("ProcessStart", "worker"), ("Timeout", "worker"), ("Process", "worker")], names);

        IEnumerable<Event> Body()
        {
            yield return sim.Timeout(1);
        }
    }
}
