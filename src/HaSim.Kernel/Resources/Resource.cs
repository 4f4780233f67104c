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
    // Waiting requests of a FIFO resource, as a ring buffer; PriorityResource keeps its own queue.
    private Request[] _fifo = new Request[16];
    private int _fifoHead;
    private int _fifoCount;

    // Released requests ready for reuse, so that a steady-state run allocates none.
    private Request[] _pool = new Request[16];
    private int _poolCount;

    // Waiting requests, whichever queue holds them: read on every request without a virtual call.
    private int _waiting;
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
    public virtual int QueueLength => _waiting;

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
        else if (Withdraw(request))
        {
            _waiting--;
        }

        // A request still in the event queue (granted this instant) cannot be reused yet, nor can
        // one a condition holds. A pooled request stays marked released, so releasing it again
        // (say, an explicit Release inside a using block) cannot put it in the pool twice.
        if (request.IsReusable)
        {
            request.Reset();
            if (_poolCount == _pool.Length)
            {
                Array.Resize(ref _pool, _pool.Length * 2);
            }

            _pool[_poolCount++] = request;
        }
    }

    /// <summary>Creates a request with a priority; used by <see cref="PriorityResource"/>.</summary>
    private protected Request Request(int priority)
    {
        Request request;
        if (_poolCount > 0)
        {
            request = _pool[--_poolCount];
            _pool[_poolCount] = null!;
            request.IsReleased = false;
        }
        else
        {
            request = new Request(this);
        }

        request.Priority = priority;
        request.RequestedAtSeconds = Simulation.Now;
        request.Sequence = _sequence++;
        if (InUse < Capacity && _waiting == 0)
        {
            InUse++;
            request.Grant();
        }
        else
        {
            _waiting++;
            Enqueue(request);
        }

        return request;
    }

    /// <summary>Adds a waiting request to the queue.</summary>
    private protected virtual void Enqueue(Request request)
    {
        if (_fifoCount == _fifo.Length)
        {
            var bigger = new Request[_fifo.Length * 2];
            for (int i = 0; i < _fifoCount; i++)
            {
                bigger[i] = _fifo[(_fifoHead + i) % _fifo.Length];
            }

            _fifo = bigger;
            _fifoHead = 0;
        }

        int tail = _fifoHead + _fifoCount;
        _fifo[tail < _fifo.Length ? tail : tail - _fifo.Length] = request;
        _fifoCount++;
    }

    /// <summary>Takes the next request to grant. Called only while requests are waiting.</summary>
    private protected virtual Request DequeueNext()
    {
        var next = _fifo[_fifoHead];
        _fifo[_fifoHead] = null!;
        _fifoHead = _fifoHead + 1 == _fifo.Length ? 0 : _fifoHead + 1;
        _fifoCount--;
        return next;
    }

    /// <summary>Removes a waiting request from the queue; false if it was not there.</summary>
    private protected virtual bool Withdraw(Request request)
    {
        // Rare (an interrupted waiter): close the gap it leaves, keeping the others in order.
        for (int i = 0; i < _fifoCount; i++)
        {
            int at = (_fifoHead + i) % _fifo.Length;
            if (ReferenceEquals(_fifo[at], request))
            {
                for (int j = i; j < _fifoCount - 1; j++)
                {
                    _fifo[(_fifoHead + j) % _fifo.Length] = _fifo[(_fifoHead + j + 1) % _fifo.Length];
                }

                _fifoCount--;
                _fifo[(_fifoHead + _fifoCount) % _fifo.Length] = null!;
                return true;
            }
        }

        return false;
    }

    private void GrantWaiting()
    {
        while (InUse < Capacity && _waiting > 0)
        {
            _waiting--;
            var next = DequeueNext();
            InUse++;
            next.Grant();
        }
    }
}
