namespace HaSim.Kernel;

/// <summary>
/// A pool of identical units (repair crews, spare nodes, provisioning slots) that requests
/// queue for, first come first served.
/// </summary>
/// <example>
/// <code>
/// using (var crew = crews.Request())
/// {
///     yield return crew;
///     yield return sim.Timeout(repairSeconds);
/// }
/// </code>
/// </example>
public class Resource
{
    private readonly Queue<Request> _fifo = new();
    private readonly Stack<Request> _pool = new();
    private long _sequence;

    /// <summary>Creates a resource with <paramref name="capacity"/> units.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is less than one.</exception>
    public Resource(Simulation simulation, int capacity)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Simulation = simulation;
        Capacity = capacity;
    }

    /// <summary>The simulation this resource belongs to.</summary>
    public Simulation Simulation { get; }

    /// <summary>The number of units.</summary>
    public int Capacity { get; private set; }

    /// <summary>Units currently granted.</summary>
    public int InUse { get; private set; }

    /// <summary>Units free now.</summary>
    public int Available => Math.Max(0, Capacity - InUse);

    /// <summary>Requests waiting for a unit.</summary>
    public virtual int QueueLength => _fifo.Count;

    /// <summary>Requests one unit. Yield the request to wait until it is granted.</summary>
    public Request Request() => Request(0);

    /// <summary>
    /// Changes the number of units, for example when a zone fails and its spare nodes are lost.
    /// Units in use above the new capacity are not taken away; they are simply not re-granted.
    /// </summary>
    public void SetCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        GrantWaiting();
    }

    /// <summary>Releases a granted unit, or withdraws a waiting request. Releasing twice does nothing.</summary>
    public void Release(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ReferenceEquals(request.Resource, this))
        {
            throw new ArgumentException("The request belongs to another resource.", nameof(request));
        }

        if (request.IsReleased)
        {
            return;
        }

        request.IsReleased = true;
        if (request.IsGranted)
        {
            request.IsGranted = false;
            InUse--;
            GrantWaiting();
        }
        else
        {
            Withdraw(request);
        }

        // A request still in the event queue (granted this instant) cannot be reused yet, nor can
        // one a condition holds. A pooled request stays marked released, so releasing it again
        // (say, an explicit Release inside a using block) cannot put it in the pool twice.
        if (request.IsReusable)
        {
            request.Reset();
            _pool.Push(request);
        }
    }

    /// <summary>Creates a request with a priority; used by <see cref="PriorityResource"/>.</summary>
    private protected Request Request(int priority)
    {
        var request = _pool.Count > 0 ? _pool.Pop() : new Request(this);
        request.IsReleased = false;
        request.Priority = priority;
        request.RequestedAtSeconds = Simulation.Now;
        request.Sequence = _sequence++;
        if (InUse < Capacity && QueueLength == 0)
        {
            InUse++;
            request.Grant();
        }
        else
        {
            Enqueue(request);
        }

        return request;
    }

    /// <summary>Adds a waiting request to the queue.</summary>
    private protected virtual void Enqueue(Request request) => _fifo.Enqueue(request);

    /// <summary>Takes the next request to grant, or null.</summary>
    private protected virtual Request? DequeueNext() => _fifo.Count > 0 ? _fifo.Dequeue() : null;

    /// <summary>Removes a waiting request from the queue.</summary>
    private protected virtual void Withdraw(Request request)
    {
        // Rare (an interrupted waiter): rebuild the queue without it.
        int n = _fifo.Count;
        for (int i = 0; i < n; i++)
        {
            var r = _fifo.Dequeue();
            if (!ReferenceEquals(r, request))
            {
                _fifo.Enqueue(r);
            }
        }
    }

    private void GrantWaiting()
    {
        while (InUse < Capacity)
        {
            var next = DequeueNext();
            if (next is null)
            {
                return;
            }

            InUse++;
            next.Grant();
        }
    }
}
