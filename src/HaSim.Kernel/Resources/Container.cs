namespace HaSim.Kernel;

/// <summary>
/// A continuous level between zero and a capacity (for example bytes of buffer or
/// fractional capacity). <see cref="Put"/> waits until the amount fits; <see cref="Get"/>
/// waits until the amount is there. Both are served first come first served.
/// </summary>
public sealed class Container
{
    private readonly Queue<(Event Ev, double Amount)> _putters = new();
    private readonly Queue<(Event Ev, double Amount)> _getters = new();

    /// <summary>Creates a container with a capacity and an initial level.</summary>
    public Container(Simulation simulation, double capacity = double.PositiveInfinity, double initialLevel = 0)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        if (!(capacity > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Capacity must be positive.");
        }

        if (!(initialLevel >= 0 && initialLevel <= capacity))
        {
            throw new ArgumentOutOfRangeException(nameof(initialLevel), initialLevel, "The initial level must be between zero and the capacity.");
        }

        Simulation = simulation;
        Capacity = capacity;
        Level = initialLevel;
    }

    /// <summary>The simulation this container belongs to.</summary>
    public Simulation Simulation { get; }

    /// <summary>The most the container holds.</summary>
    public double Capacity { get; }

    /// <summary>The amount in the container now.</summary>
    public double Level { get; private set; }

    /// <summary>Adds an amount; the event succeeds once it fits.</summary>
    public Event Put(double amount) => Enqueue(_putters, amount);

    /// <summary>Removes an amount; the event succeeds once it is there.</summary>
    public Event Get(double amount) => Enqueue(_getters, amount);

    private Event Enqueue(Queue<(Event, double)> queue, double amount)
    {
        if (!(amount > 0) || double.IsInfinity(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount must be a positive finite number.");
        }

        var ev = new Event(Simulation);
        queue.Enqueue((ev, amount));
        Balance();
        return ev;
    }

    private void Balance()
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            while (_putters.Count > 0 && Level + _putters.Peek().Amount <= Capacity)
            {
                var (ev, amount) = _putters.Dequeue();
                Level += amount;
                ev.Succeed(amount);
                changed = true;
            }

            while (_getters.Count > 0 && _getters.Peek().Amount <= Level)
            {
                var (ev, amount) = _getters.Dequeue();
                Level -= amount;
                ev.Succeed(amount);
                changed = true;
            }
        }
    }
}
