using HaSim.Kernel;
using HaSim.Model.Invariants;

namespace HaSim.Model.Capacity;

/// <summary>
/// A pool of interchangeable capacity several databases compete for: VM provisioning in one zone,
/// control-plane concurrency for failovers and restores, or backup-restore bandwidth. Requests are
/// served by priority (a primary's recovery before a standby's rebuild), then first come, first
/// served; a request for more than the whole pool is cut to the whole pool. A request that cannot be
/// granted at once queues, and so does every request behind it (a small request never overtakes a
/// large one of the same or a higher priority that came first).
/// </summary>
public sealed class CapacityPool
{
    private readonly Simulation _simulation;
    private readonly CapacityChecker? _checker;
    private readonly List<CapacityLease> _queue = [];

    /// <summary>Creates an empty pool of <paramref name="capacity"/> units whose use is recorded in <paramref name="usage"/>.</summary>
    public CapacityPool(Simulation simulation, PoolUsage usage, double capacity, CapacityChecker? checker = null)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(usage);
        if (!(capacity > 0) || !double.IsFinite(capacity))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A pool's capacity must be positive and finite.");
        }

        _simulation = simulation;
        _checker = checker;
        Usage = usage;
        Capacity = capacity;
    }

    /// <summary>The pool's size.</summary>
    public double Capacity { get; }

    /// <summary>Units granted and not yet released.</summary>
    public double InUse { get; private set; }

    /// <summary>Requests queued now.</summary>
    public int Waiting => _queue.Count;

    /// <summary>What the pool saw.</summary>
    public PoolUsage Usage { get; }

    /// <summary>The amount the first queued request asks for (0 if none queues).</summary>
    internal double HeadAmount => _queue.Count == 0 ? 0 : _queue[0].Amount;

    /// <summary>
    /// Asks for <paramref name="amount"/> units at <paramref name="priority"/> (0 first): granted at once
    /// if nothing of the same or a higher priority queues and they are free, otherwise queued.
    /// </summary>
    /// <exception cref="InvalidOperationException">The lease is already waiting or holding.</exception>
    public void Request(CapacityLease lease, double amount, int tag, int priority = 0)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (!(amount > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Ask for a positive amount.");
        }

        lease.Ask(this, Math.Min(amount, Capacity), tag, _simulation.Now, priority: priority);
        Usage.Requested();
        int at = _queue.FindIndex(q => q.Priority > priority);
        at = at < 0 ? _queue.Count : at;
        if (at == 0 && Fits(lease.Amount))
        {
            Take(lease, notify: false);
        }
        else
        {
            _queue.Insert(at, lease);
            Usage.Queued(_queue.Count);
        }

        _checker?.Check(this);
    }

    /// <summary>Gives the lease's units back (or withdraws its request) and serves the queue; nothing happens to an idle lease.</summary>
    public void Release(CapacityLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (!ReferenceEquals(lease.Pool, this))
        {
            return;
        }

        if (lease.State == LeaseState.Waiting)
        {
            _queue.Remove(lease);
            Usage.WaitEnded(_simulation.Now - lease.RequestedAt);
        }
        else if (lease.State == LeaseState.Granted)
        {
            InUse -= lease.Amount;
            if (InUse < 1e-9 * Capacity)
            {
                InUse = 0;
            }

            Usage.SetInUse(InUse);
        }

        lease.Clear();
        Serve();
        _checker?.Check(this);
    }

    /// <summary>At the end of a run: counts the time requests still queued have waited.</summary>
    public void Finish()
    {
        foreach (var lease in _queue)
        {
            Usage.WaitEnded(_simulation.Now - lease.RequestedAt);
        }
    }

    private bool Fits(double amount) => InUse + amount <= Capacity * (1 + 1e-12);

    private void Serve()
    {
        while (_queue.Count > 0 && Fits(_queue[0].Amount))
        {
            var lease = _queue[0];
            _queue.RemoveAt(0);
            Usage.WaitEnded(_simulation.Now - lease.RequestedAt);
            Take(lease, notify: true);
        }
    }

    private void Take(CapacityLease lease, bool notify)
    {
        InUse += lease.Amount;
        Usage.SetInUse(InUse);
        lease.Grant(-1, warmVm: false, lease.Amount, notify);
    }
}
