namespace HaSim.Kernel.Tests;

/// <summary>
/// A process that yields an event triggered now which is the next the loop would take (a resource
/// granted at once) continues without a trip through the queue, but everything still happens in
/// the documented order: by time, priority, then scheduling order, and the event counts as processed.
/// </summary>
public class ImmediateGrantTest
{
    [Fact]
    public void A_request_granted_at_once_resumes_its_process_after_what_was_scheduled_before_it()
    {
        var sim = new Simulation();
        var crews = new Resource(sim, 2);
        var log = new List<string>();

        // Both wake at t=1, a first; a's grant (scheduled when a asks at t=1) comes after b's
        // timeout, scheduled at t=0 for t=1, so b runs between a's request and its grant.
        sim.Process(Requester(sim, crews, "a", log));
        sim.Process(Sleeper(sim, "b", log));
        sim.Run();

        Assert.Equal(["a asks", "b", "a granted at 1"], log);
    }

    [Fact]
    public void A_request_granted_at_once_with_nothing_else_due_continues_at_once_and_counts_as_an_event()
    {
        var sim = new Simulation();
        var crews = new Resource(sim, 1);
        var log = new List<string>();
        sim.Process(Requester(sim, crews, "a", log));
        sim.Run();

        Assert.Equal(["a asks", "a granted at 1"], log);

        // The start, the timeout, the grant and the end of the process.
        Assert.Equal(4, sim.ProcessedEventCount);
    }

    [Fact]
    public void Stepping_takes_one_event_at_a_time_even_when_a_grant_is_next()
    {
        var sim = new Simulation();
        var crews = new Resource(sim, 1);
        var log = new List<string>();
        sim.Process(Requester(sim, crews, "a", log));
        sim.Step(); // start
        sim.Step(); // timeout: a asks and yields its grant
        Assert.Equal(["a asks"], log);
        Assert.Equal(1, sim.ScheduledEventCount);

        sim.Step(); // the grant
        Assert.Equal(["a asks", "a granted at 1"], log);
    }

    [Fact]
    public void An_observer_of_dequeued_events_sees_every_grant()
    {
        var sim = new Simulation();
        var crews = new Resource(sim, 1);
        var seen = new List<string>();
        sim.EventDequeued = (_, ev) => seen.Add(ev.GetType().Name);
        sim.Process(Requester(sim, crews, "a", []));
        sim.Run();

        Assert.Contains("Request", seen);
        Assert.Equal(sim.ProcessedEventCount, seen.Count);
    }

    [Fact]
    public void A_grant_with_a_callback_goes_through_the_queue_so_its_callback_runs_after_the_process_resumes()
    {
        var sim = new Simulation();
        var crews = new Resource(sim, 1);
        var log = new List<string>();
        sim.Process(WithCallback(sim, crews, log));
        sim.Run();

        Assert.Equal(["granted", "callback"], log);
    }

    private static IEnumerable<Event> Requester(Simulation sim, Resource crews, string name, List<string> log)
    {
        yield return sim.Timeout(1);
        log.Add(name + " asks");
        using var crew = crews.Request();
        yield return crew;
        log.Add($"{name} granted at {sim.Now}");
    }

    private static IEnumerable<Event> Sleeper(Simulation sim, string name, List<string> log)
    {
        yield return sim.Timeout(1);
        log.Add(name);
    }

    private static IEnumerable<Event> WithCallback(Simulation sim, Resource crews, List<string> log)
    {
        using var crew = crews.Request();
        crew.AddCallback(_ => log.Add("callback"));
        yield return crew;
        log.Add("granted");
    }
}
