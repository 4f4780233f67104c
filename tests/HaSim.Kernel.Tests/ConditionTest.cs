namespace HaSim.Kernel.Tests;

/// <summary>AnyOf and AllOf conditions over other events.</summary>
public class ConditionTest
{
    [Fact]
    public void Any_of_succeeds_when_the_first_event_succeeds_with_that_event_as_its_value()
    {
        var sim = new Simulation();
        var slow = new Timeout(sim, 5, "slow");
        var fast = new Timeout(sim, 2, "fast");
        var any = sim.AnyOf(slow, fast);
        double firedAt = -1;
        any.AddCallback(_ => firedAt = sim.Now);

        sim.Run();

        Assert.Equal(2.0, firedAt);
        Assert.True(any.IsOk);
        Assert.Equal(new Event[] { fast }, (Event[])any.Value!);
        Assert.Equal(ConditionKind.AnyOf, any.Kind);
    }

    [Fact]
    public void All_of_succeeds_when_the_last_event_succeeds_with_all_events_in_the_order_given()
    {
        var sim = new Simulation();
        var a = new Timeout(sim, 3);
        var b = new Timeout(sim, 1);
        var c = new Timeout(sim, 2);
        var all = sim.AllOf(a, b, c);
        double firedAt = -1;
        all.AddCallback(_ => firedAt = sim.Now);

        sim.Run();

        Assert.Equal(3.0, firedAt);
        Assert.Equal(new Event[] { a, b, c }, (Event[])all.Value!);
    }

    [Fact]
    public void A_process_can_wait_for_the_first_of_a_timeout_and_a_signal()
    {
        var sim = new Simulation();
        var signal = sim.Event();
        var results = new List<(double, bool)>();
        sim.Process(Wait());
        sim.Process(Signal());

        sim.Run();

        // The signal at 4 wins the first wait; nothing signals the second, so its timeout of 10 wins.
        Assert.Equal([(4.0, true), (14.0, false)], results);

        IEnumerable<Event> Wait()
        {
            for (int i = 0; i < 2; i++)
            {
                var current = i == 0 ? signal : sim.Event();
                yield return sim.AnyOf(current, sim.Timeout(10));
                results.Add((sim.Now, current.IsProcessed));
            }
        }

        IEnumerable<Event> Signal()
        {
            yield return sim.Timeout(4);
            signal.Succeed();
        }
    }

    [Fact]
    public void All_of_fails_as_soon_as_one_event_fails_with_its_cause()
    {
        var sim = new Simulation();
        var failing = sim.Event();
        var slow = new Timeout(sim, 10);
        var all = sim.AllOf(slow, failing);
        double firedAt = -1;
        all.AddCallback(_ => firedAt = sim.Now);
        sim.Process(FailLater());

        sim.Run();

        Assert.Equal(3.0, firedAt);
        Assert.False(all.IsOk);
        Assert.Equal("replica lost", all.Value);

        IEnumerable<Event> FailLater()
        {
            yield return sim.Timeout(3);
            failing.Fail("replica lost");
        }
    }

    [Fact]
    public void Any_of_fails_if_an_event_fails_before_any_succeeds()
    {
        var sim = new Simulation();
        var failing = sim.Event();
        var any = sim.AnyOf(new Timeout(sim, 5), failing);
        failing.Fail("timeout of dependency");

        sim.Run();

        Assert.False(any.IsOk);
        Assert.Equal("timeout of dependency", any.Value);
    }

    [Fact]
    public void Any_of_ignores_a_failure_that_comes_after_it_succeeded()
    {
        var sim = new Simulation();
        var failing = sim.Event();
        var any = sim.AnyOf(new Timeout(sim, 1), failing);
        sim.Process(FailLater());

        sim.Run();

        Assert.True(any.IsOk);

        IEnumerable<Event> FailLater()
        {
            yield return sim.Timeout(2);
            failing.Fail("late");
        }
    }

    [Fact]
    public void A_condition_over_events_already_processed_is_decided_at_once()
    {
        var sim = new Simulation();
        var done = sim.Event().Succeed("done");
        sim.Run();

        var any = sim.AnyOf(done, sim.Event());
        var all = sim.AllOf(done);

        Assert.True(any.IsTriggered);
        Assert.True(all.IsTriggered);
        sim.Run();
        Assert.True(any.IsOk && all.IsOk);
        Assert.Equal(new Event[] { done }, (Event[])any.Value!);
    }

    [Fact]
    public void An_empty_condition_succeeds_at_once()
    {
        var sim = new Simulation();

        var all = sim.AllOf();
        var any = sim.AnyOf();
        sim.Run();

        Assert.True(all.IsOk);
        Assert.True(any.IsOk);
        Assert.Empty((Event[])all.Value!);
    }

    [Fact]
    public void Conditions_reject_null_events_and_events_of_another_simulation()
    {
        var sim = new Simulation();
        var other = new Simulation();

        Assert.Throws<ArgumentNullException>(() => sim.AnyOf(sim.Event(), null!));
        Assert.Throws<ArgumentException>(() => sim.AllOf(sim.Event(), other.Event()));
    }
}
