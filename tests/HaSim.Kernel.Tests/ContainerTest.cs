namespace HaSim.Kernel.Tests;

/// <summary>Containers: a continuous level with blocking put and get.</summary>
public class ContainerTest
{
    [Fact]
    public void A_get_waits_until_enough_has_been_put()
    {
        var sim = new Simulation();
        var tank = new Container(sim, capacity: 100, initialLevel: 10);
        double gotAt = -1;
        sim.Process(Consumer());
        sim.Process(Producer());

        sim.Run();

        Assert.Equal(3.0, gotAt);
        Assert.Equal(5.0, tank.Level, 12);

        IEnumerable<Event> Consumer()
        {
            yield return tank.Get(35);
            gotAt = sim.Now;
        }

        IEnumerable<Event> Producer()
        {
            for (int i = 0; i < 3; i++)
            {
                yield return sim.Timeout(1);
                yield return tank.Put(10);
            }
        }
    }

    [Fact]
    public void A_put_waits_until_the_amount_fits()
    {
        var sim = new Simulation();
        var tank = new Container(sim, capacity: 10, initialLevel: 8);
        double putAt = -1;
        sim.Process(Producer());
        sim.Process(Consumer());

        sim.Run();

        Assert.Equal(4.0, putAt);
        Assert.Equal(9.0, tank.Level, 12);

        IEnumerable<Event> Producer()
        {
            yield return tank.Put(5);
            putAt = sim.Now;
        }

        IEnumerable<Event> Consumer()
        {
            yield return sim.Timeout(4);
            yield return tank.Get(4);
        }
    }

    [Fact]
    public void Getters_are_served_first_come_first_served_even_if_a_later_one_would_fit()
    {
        var sim = new Simulation();
        var tank = new Container(sim, capacity: 100);
        var big = tank.Get(50);
        var small = tank.Get(5);

        tank.Put(10);
        sim.Run();
        Assert.False(big.IsTriggered);
        Assert.False(small.IsTriggered);

        tank.Put(45);
        sim.Run();
        Assert.True(big.IsOk);
        Assert.True(small.IsOk);
        Assert.Equal(0.0, tank.Level, 12);
    }

    [Fact]
    public void Invalid_capacity_level_and_amounts_are_rejected()
    {
        var sim = new Simulation();

        Assert.Throws<ArgumentOutOfRangeException>(() => new Container(sim, capacity: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Container(sim, capacity: 10, initialLevel: 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Container(sim).Put(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Container(sim).Get(double.NaN));
    }
}
