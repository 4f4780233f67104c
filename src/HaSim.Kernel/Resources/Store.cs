namespace HaSim.Kernel;

/// <summary>
/// A buffer of items (for example warm VMs in a pool). <see cref="Put"/> waits while the store
/// is full; <see cref="Get"/> waits while it is empty. Both are served first come first served.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Store<T>
{
    private readonly Queue<T> _items = new();
    private readonly Queue<(Event Put, T Item)> _putters = new();
    private readonly Queue<Event> _getters = new();

    /// <summary>Creates a store that holds up to <paramref name="capacity"/> items.</summary>
    public Store(Simulation simulation, int capacity = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Simulation = simulation;
        Capacity = capacity;
    }

    /// <summary>The simulation this store belongs to.</summary>
    public Simulation Simulation { get; }

    /// <summary>The most items the store holds.</summary>
    public int Capacity { get; }

    /// <summary>Items in the store now.</summary>
    public int Count => _items.Count;

    /// <summary>Processes waiting to get an item.</summary>
    public int GetQueueLength => _getters.Count;

    /// <summary>Puts an item; the returned event succeeds once the item is in the store.</summary>
    public Event Put(T item)
    {
        var put = new Event(Simulation);
        _putters.Enqueue((put, item));
        Balance();
        return put;
    }

    /// <summary>Gets an item; the returned event succeeds with the item as its value.</summary>
    public Event Get()
    {
        var get = new Event(Simulation);
        _getters.Enqueue(get);
        Balance();
        return get;
    }

    /// <summary>Takes an item at once if one is there, without waiting.</summary>
    public bool TryTake(out T item)
    {
        if (_getters.Count == 0 && _items.Count > 0)
        {
            item = _items.Dequeue();
            Balance();
            return true;
        }

        item = default!;
        return false;
    }

    private void Balance()
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            while (_putters.Count > 0 && _items.Count < Capacity)
            {
                var (put, item) = _putters.Dequeue();
                _items.Enqueue(item);
                put.Succeed(item);
                changed = true;
            }

            while (_getters.Count > 0 && _items.Count > 0)
            {
                _getters.Dequeue().Succeed(_items.Dequeue());
                changed = true;
            }
        }
    }
}
