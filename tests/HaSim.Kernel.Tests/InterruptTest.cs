namespace HaSim.Kernel.Tests;

/// <summary>Interrupts: a process is detached from its wait and must take the interruption.</summary>
public class InterruptTest
{
    [Fact]
    public void An_interrupt_during_a_timeout_resumes_the_process_at_the_interrupt_time()
    {
        var sim = new Simulation();
        var log = new List<string>();
        var sleeper = sim.Process(Sleeper(), "sleeper");
        sim.Process(Interrupter(sleeper));

        sim.Run();

        Assert.Equal(["interrupted at 3 by 'power loss' sent at 3", "slept again until 8"], log);
        Assert.Equal(10.0, sim.Now);

        IEnumerable<Event> Sleeper()
        {
            yield return sim.Timeout(10);
            if (sim.ActiveProcess!.TryTakeInterruption(out var interruption))
            {
                log.Add($"interrupted at {sim.Now} by '{interruption.Cause}' sent at {interruption.TimeSeconds}");
            }

            yield return sim.Timeout(5);
            log.Add($"slept again until {sim.Now}");
        }
    }

    [Fact]
    public void The_abandoned_timeout_no_longer_resumes_the_process()
    {
        var sim = new Simulation();
        var resumes = new List<double>();
        var p = sim.Process(Body());
        sim.Process(Interrupter(p));

        sim.Run();

        // Interrupted at 3, then waits 20: the original timeout at 10 must not wake it early.
        Assert.Equal([3.0, 23.0], resumes);

        IEnumerable<Event> Body()
        {
            yield return sim.Timeout(10);
            resumes.Add(sim.Now);
            sim.ActiveProcess!.TakeInterruption();
            yield return sim.Timeout(20);
            resumes.Add(sim.Now);
        }
    }

    [Fact]
    public void An_interrupt_the_process_does_not_take_throws()
    {
        var sim = new Simulation();
        var p = sim.Process(Careless(), "careless");
        sim.Process(Interrupter(p));

        var ex = Assert.Throws<InvalidOperationException>(() => sim.Run());
        Assert.Contains("careless", ex.Message);
        Assert.Contains("t=3", ex.Message);

        IEnumerable<Event> Careless()
        {
            yield return sim.Timeout(10);
            yield return sim.Timeout(10);
        }
    }

    [Fact]
    public void An_interrupt_left_untaken_at_the_end_of_the_process_also_throws()
    {
        var sim = new Simulation();
        var p = sim.Process(EndsAfterWait());
        sim.Process(Interrupter(p));

        Assert.Throws<InvalidOperationException>(() => sim.Run());

        IEnumerable<Event> EndsAfterWait()
        {
            yield return sim.Timeout(10);
        }
    }

    [Fact]
    public void Interrupting_a_finished_process_does_nothing()
    {
        var sim = new Simulation();
        var p = sim.Process(Short());
        sim.Run();
        long processed = sim.ProcessedEventCount;

        p.Interrupt("too late");
        sim.Run();

        Assert.False(p.IsAlive);
        Assert.False(p.IsInterrupted);
        Assert.Equal(processed, sim.ProcessedEventCount);

        IEnumerable<Event> Short()
        {
            yield return sim.Timeout(1);
        }
    }

    [Fact]
    public void An_interrupt_that_arrives_after_the_process_finished_does_nothing()
    {
        var sim = new Simulation();
        Process? target = null;
        target = sim.Process(FinishesAt(5));
        sim.Process(InterruptAtTheSameTime());

        sim.Run();

        Assert.False(target.IsAlive);

        IEnumerable<Event> FinishesAt(double t)
        {
            yield return sim.Timeout(t);
        }

        IEnumerable<Event> InterruptAtTheSameTime()
        {
            yield return sim.Timeout(5);

            // The target's timeout at 5 was scheduled first, so the target has already finished.
            target!.Interrupt("late");
        }
    }

    [Fact]
    public void Two_interrupts_at_the_same_time_are_delivered_one_after_the_other()
    {
        var sim = new Simulation();
        var causes = new List<object?>();
        var p = sim.Process(Body());
        sim.Process(DoubleInterrupter());

        sim.Run();

        Assert.Equal(["first", "second"], causes);

        IEnumerable<Event> Body()
        {
            while (true)
            {
                yield return sim.Timeout(100);
                if (sim.ActiveProcess!.TryTakeInterruption(out var i))
                {
                    causes.Add(i.Cause);
                }
                else
                {
                    yield break;
                }
            }
        }

        IEnumerable<Event> DoubleInterrupter()
        {
            yield return sim.Timeout(1);
            p.Interrupt("first");
            p.Interrupt("second");
        }
    }

    [Fact]
    public void An_interrupt_runs_before_ordinary_events_at_the_same_time()
    {
        var sim = new Simulation();
        var log = new List<string>();
        Process? body = null;
        sim.Process(InterruptAt3());
        body = sim.Process(Body());

        sim.Run();

        // The body's own timeout also ends at 3, but the urgent interrupt comes first and detaches it.
        Assert.Equal(["interrupted"], log);

        IEnumerable<Event> InterruptAt3()
        {
            yield return sim.Timeout(3);
            body!.Interrupt();
        }

        IEnumerable<Event> Body()
        {
            yield return sim.Timeout(3);
            log.Add(sim.ActiveProcess!.TryTakeInterruption(out _) ? "interrupted" : "timed out");
        }
    }

    [Fact]
    public void A_timeout_processed_before_the_interrupt_at_the_same_time_wins()
    {
        var sim = new Simulation();
        var log = new List<string>();
        var body = sim.Process(Body());
        sim.Process(Interrupter(body));

        sim.Run();

        // Both end at 3; the body's timeout was scheduled first, so it resumes the body first, and
        // the interrupt then finds the body waiting on its next timeout.
        Assert.Equal(["timed out at 3", "interrupted at 3"], log);

        IEnumerable<Event> Body()
        {
            yield return sim.Timeout(3);
            log.Add($"timed out at {sim.Now}");
            yield return sim.Timeout(3);
            log.Add(sim.ActiveProcess!.TryTakeInterruption(out _) ? $"interrupted at {sim.Now}" : "timed out again");
        }
    }

    [Fact]
    public void An_interrupt_while_queued_for_a_resource_then_dispose_withdraws_the_request()
    {
        var sim = new Simulation();
        var crews = new Resource(sim, 1);
        var log = new List<string>();
        sim.Process(Holder());
        var impatient = sim.Process(Impatient(), "impatient");
        sim.Process(Patient());
        sim.Process(Interrupter(impatient));

        sim.Run();

        // The impatient request leaves the queue at 3, so the patient one is next when the holder releases at 10.
        Assert.Equal(["impatient gave up at 3, queue 1", "patient granted at 10"], log);
        Assert.Equal(0, crews.InUse);
        Assert.Equal(0, crews.QueueLength);

        IEnumerable<Event> Holder()
        {
            using var crew = crews.Request();
            yield return crew;
            yield return sim.Timeout(10);
        }

        IEnumerable<Event> Impatient()
        {
            bool gaveUp;
            using (var crew = crews.Request())
            {
                yield return crew;
                gaveUp = sim.ActiveProcess!.TryTakeInterruption(out _);
            }

            log.Add(gaveUp ? $"impatient gave up at {sim.Now}, queue {crews.QueueLength}" : "impatient granted");
        }

        IEnumerable<Event> Patient()
        {
            using var crew = crews.Request();
            yield return crew;
            log.Add($"patient granted at {sim.Now}");
        }
    }

    [Fact]
    public void An_interrupt_in_the_same_instant_as_a_grant_gives_the_unit_back_on_dispose()
    {
        var sim = new Simulation();
        var crews = new Resource(sim, 1);
        bool granted = false;
        var p = sim.Process(Requester());
        p.Interrupt("at once");

        sim.Run();

        Assert.False(granted);
        Assert.Equal(0, crews.InUse);

        // The unit is free again and is granted to the next requester.
        var next = crews.Request();
        sim.Run();
        Assert.True(next.IsGranted);

        IEnumerable<Event> Requester()
        {
            using (var crew = crews.Request())
            {
                yield return crew;
                granted = !sim.ActiveProcess!.TryTakeInterruption(out _);
            }
        }
    }

    [Fact]
    public void A_process_can_be_interrupted_while_waiting_for_another_process()
    {
        var sim = new Simulation();
        var log = new List<string>();
        var worker = sim.Process(Work());
        var watcher = sim.Process(Watch());
        sim.Process(Interrupter(watcher));

        sim.Run();

        Assert.Equal(["watcher interrupted at 3", "watcher saw worker finish at 8"], log);

        IEnumerable<Event> Work()
        {
            yield return sim.Timeout(8);
        }

        IEnumerable<Event> Watch()
        {
            yield return worker;
            if (sim.ActiveProcess!.TryTakeInterruption(out _))
            {
                log.Add($"watcher interrupted at {sim.Now}");
                yield return worker;
            }

            log.Add($"watcher saw worker finish at {sim.Now}");
        }
    }

    [Fact]
    public void Taking_an_interruption_that_did_not_happen_throws()
    {
        var sim = new Simulation();
        var p = sim.Process(Body());

        sim.Run();

        Assert.False(p.TryTakeInterruption(out _));
        Assert.Throws<InvalidOperationException>(() => p.TakeInterruption());

        IEnumerable<Event> Body()
        {
            yield return sim.Timeout(1);
        }
    }

    private static IEnumerable<Event> Interrupter(Process target, double at = 3, string cause = "power loss")
    {
        yield return target.Simulation.Timeout(at);
        target.Interrupt(cause);
    }
}
