namespace HaSim.Kernel.Tests;

/// <summary>Stores: buffers of items with blocking put and get.</summary>
public class StoreTest
{
    [Fact]
    public void Items_come_out_in_the_order_they_went_in()
    {
        var sim = new Simulation();
        var store = new Store<string>(sim);
        var got = new List<(string, double)>();
        sim.Process(Producer());
        sim.Process(Consumer());

        sim.Run();

        Assert.Equal([("vm-1", 1.0), ("vm-2", 2.0), ("vm-3", 3.0)], got);

        IEnumerable<Event> Producer()
        {
            foreach (string vm in new[] { "vm-1", "vm-2", "vm-3" })
            {
                yield return sim.Timeout(1);
                yield return store.Put(vm);
            }
        }

        IEnumerable<Event> Consumer()
        {
            for (int i = 0; i < 3; i++)
            {
                var get = store.Get();
                yield return get;
                got.Add(((string)get.Value!, sim.Now));
            }
        }
    }

    [Fact]
    public void A_put_into_a_full_store_waits_until_an_item_is_taken()
    {
        var sim = new Simulation();
        var store = new Store<int>(sim, capacity: 2);
        var putTimes = new List<double>();
        sim.Process(Producer());
        sim.Process(SlowConsumer());

        sim.Run();

        Assert.Equal([0.0, 0.0, 5.0, 10.0], putTimes);

        IEnumerable<Event> Producer()
        {
            for (int i = 0; i < 4; i++)
            {
                yield return store.Put(i);
                putTimes.Add(sim.Now);
            }
        }

        IEnumerable<Event> SlowConsumer()
        {
            for (int i = 0; i < 4; i++)
            {
                yield return sim.Timeout(5);
                yield return store.Get();
            }
        }
    }

    [Fact]
    public void Waiting_getters_are_served_first_come_first_served()
    {
        var sim = new Simulation();
        var store = new Store<string>(sim);
        var first = store.Get();
        var second = store.Get();

        store.Put("a");
        store.Put("b");
        sim.Run();

        Assert.Equal("a", first.Value);
        Assert.Equal("b", second.Value);
        Assert.Equal(0, store.Count);
        Assert.Equal(0, store.GetQueueLength);
    }

    [Fact]
    public void Try_take_takes_an_item_only_if_no_getter_is_waiting()
    {
        var sim = new Simulation();
        var store = new Store<int>(sim);

        Assert.False(store.TryTake(out _));
        store.Put(7);
        Assert.True(store.TryTake(out int item));
        Assert.Equal(7, item);

        var waiting = store.Get();
        store.Put(8);
        Assert.False(store.TryTake(out _));
        sim.Run();
        Assert.Equal(8, waiting.Value);
    }

    [Fact]
    public void A_capacity_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Store<int>(new Simulation(), 0));
    }
}
