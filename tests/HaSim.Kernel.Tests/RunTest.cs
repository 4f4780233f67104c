namespace HaSim.Kernel.Tests;

/// <summary>Run(), Run(until), Run(event) and Step.</summary>
public class RunTest
{
    [Fact]
    public void Run_until_runs_events_strictly_before_the_end_time_and_leaves_the_clock_there()
    {
        var sim = new Simulation();
        var ran = new List<double>();
        foreach (double t in new[] { 1.0, 5.0, 9.999, 10.0, 12.0 })
        {
            new Timeout(sim, t).AddCallback(_ => ran.Add(sim.Now));
        }

        sim.Run(10.0);

        Assert.Equal([1.0, 5.0, 9.999], ran);
        Assert.Equal(10.0, sim.Now);
        Assert.Equal(2, sim.ScheduledEventCount);
        Assert.Equal(10.0, sim.PeekTime);
    }

    [Fact]
    public void Run_until_can_be_resumed_and_the_event_at_the_boundary_runs_next_time()
    {
        var sim = new Simulation();
        var ran = new List<double>();
        foreach (double t in new[] { 10.0, 12.0 })
        {
            new Timeout(sim, t).AddCallback(_ => ran.Add(sim.Now));
        }

        sim.Run(10.0);
        Assert.Empty(ran);

        sim.Run(11.0);
        Assert.Equal([10.0], ran);
        Assert.Equal(11.0, sim.Now);
    }

    [Fact]
    public void Run_until_with_no_events_still_advances_the_clock()
    {
        var sim = new Simulation();

        sim.Run(42.5);

        Assert.Equal(42.5, sim.Now);
        Assert.Equal(0, sim.ProcessedEventCount);
    }

    [Fact]
    public void Run_until_a_time_before_now_throws()
    {
        var sim = new Simulation();
        sim.Run(10);

        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Run(9.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Run(double.NaN));
    }

    [Fact]
    public void Processes_run_until_the_end_time_and_no_further()
    {
        var sim = new Simulation();
        int ticks = 0;
        sim.Process(Ticker());

        sim.Run(10.0);

        // Ticks at 0, 1, ..., 9; the one at 10 is not run.
        Assert.Equal(10, ticks);

        IEnumerable<Event> Ticker()
        {
            while (true)
            {
                ticks++;
                yield return sim.Timeout(1.0);
            }
        }
    }

    [Fact]
    public void Run_without_arguments_runs_until_no_events_remain()
    {
        var sim = new Simulation();
        new Timeout(sim, 3);
        new Timeout(sim, 7);

        sim.Run();

        Assert.Equal(7.0, sim.Now);
        Assert.Equal(0, sim.ScheduledEventCount);
        Assert.Equal(double.PositiveInfinity, sim.PeekTime);
    }

    [Fact]
    public void Run_until_an_event_stops_right_after_it_is_processed()
    {
        var sim = new Simulation();
        var target = new Timeout(sim, 5);
        var later = new Timeout(sim, 6);

        bool processed = sim.Run(target);

        Assert.True(processed);
        Assert.Equal(5.0, sim.Now);
        Assert.True(target.IsProcessed);
        Assert.False(later.IsProcessed);
    }

    [Fact]
    public void Run_until_a_process_returns_when_the_process_finishes()
    {
        var sim = new Simulation();
        var p = sim.Process(Work());
        new Timeout(sim, 100);

        Assert.True(sim.Run(p));
        Assert.Equal(3.0, sim.Now);
        Assert.False(p.IsAlive);

        IEnumerable<Event> Work()
        {
            yield return sim.Timeout(1);
            yield return sim.Timeout(2);
        }
    }

    [Fact]
    public void Run_until_an_event_that_never_happens_returns_false_when_the_queue_empties()
    {
        var sim = new Simulation();
        var never = sim.Event();
        new Timeout(sim, 4);

        Assert.False(sim.Run(never));
        Assert.Equal(4.0, sim.Now);
    }

    [Fact]
    public void Step_processes_one_event_and_throws_when_none_remain()
    {
        var sim = new Simulation();
        new Timeout(sim, 2);

        sim.Step();
        Assert.Equal(2.0, sim.Now);
        Assert.Equal(1, sim.ProcessedEventCount);
        Assert.Throws<InvalidOperationException>(sim.Step);
    }
}
