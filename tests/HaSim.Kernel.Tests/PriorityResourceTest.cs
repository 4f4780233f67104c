namespace HaSim.Kernel.Tests;

/// <summary>Priority resources: waiting requests are served by priority, then first come first served.</summary>
public class PriorityResourceTest
{
    [Fact]
    public void Waiting_requests_are_served_lowest_priority_value_first_then_in_arrival_order()
    {
        var sim = new Simulation();
        var res = new PriorityResource(sim, 1);
        var order = new List<string>();
        sim.Process(Job("holder", 0, 0.0));
        sim.Process(Job("low a", 5, 1.0));
        sim.Process(Job("high", 1, 2.0));
        sim.Process(Job("low b", 5, 3.0));
        sim.Process(Job("urgent", 0, 4.0));

        sim.Run();

        Assert.Equal(["holder at 0", "urgent at 10", "high at 11", "low a at 12", "low b at 13"], order);

        IEnumerable<Event> Job(string name, int priority, double arrival)
        {
            yield return sim.Timeout(arrival);
            using (var unit = res.Request(priority))
            {
                yield return unit;
                order.Add($"{name} at {sim.Now}");
                yield return sim.Timeout(name == "holder" ? 10 : 1);
            }
        }
    }

    [Fact]
    public void A_free_unit_is_granted_at_once_whatever_the_priority()
    {
        var sim = new Simulation();
        var res = new PriorityResource(sim, 2);

        var low = res.Request(9);

        Assert.True(low.IsGranted);
        Assert.Equal(9, low.Priority);
    }

    [Fact]
    public void Granted_units_are_not_preempted_by_a_more_urgent_request()
    {
        var sim = new Simulation();
        var res = new PriorityResource(sim, 1);
        var low = res.Request(9);
        var urgent = res.Request(0);

        Assert.True(low.IsGranted);
        Assert.False(urgent.IsGranted);
        Assert.Equal(1, res.QueueLength);
    }

    [Fact]
    public void A_withdrawn_priority_request_leaves_the_queue()
    {
        var sim = new Simulation();
        var res = new PriorityResource(sim, 1);
        var holder = res.Request(0);
        var a = res.Request(1);
        var b = res.Request(2);

        a.Dispose();
        Assert.Equal(1, res.QueueLength);
        holder.Dispose();

        Assert.False(a.IsGranted);
        Assert.True(b.IsGranted);
        Assert.Equal(0, res.QueueLength);
    }
}
