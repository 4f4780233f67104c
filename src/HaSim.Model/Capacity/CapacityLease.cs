namespace HaSim.Model.Capacity;

/// <summary>Where a <see cref="CapacityLease"/> is.</summary>
public enum LeaseState
{
    /// <summary>Holds nothing and asks for nothing.</summary>
    Idle,

    /// <summary>Queued for capacity.</summary>
    Waiting,

    /// <summary>Holds capacity.</summary>
    Granted,
}

/// <summary>
/// One holder's claim on a shared pool: requested, then queued or granted, then released (the
/// capacity returns) or consumed (it stays used, as a slot a recovered compute now runs in). A
/// database keeps one lease per purpose and reuses it.
/// </summary>
public sealed class CapacityLease
{
    private readonly Action _granted;

    /// <summary>Creates an idle lease; <paramref name="granted"/> is called when a queued request is granted (never for one granted at once).</summary>
    public CapacityLease(Action granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        _granted = granted;
    }

    /// <summary>Idle, waiting or granted.</summary>
    public LeaseState State { get; private set; }

    /// <summary>True once capacity is held.</summary>
    public bool IsGranted => State == LeaseState.Granted;

    /// <summary>True while waiting or holding.</summary>
    public bool IsActive => State != LeaseState.Idle;

    /// <summary>The holder's tag when it asked (the failure count of what it recovers): a lease of an earlier failure is stale.</summary>
    public int Tag { get; private set; }

    /// <summary>While granted: the zone (0-based) the capacity is in, or −1 for a regional pool.</summary>
    public int Zone { get; private set; } = -1;

    /// <summary>While granted compute capacity: true for a ready warm-pool VM, false for a free slot to start a VM in.</summary>
    public bool WarmVm { get; private set; }

    /// <summary>The amount asked for or held (1 for slots and VMs; bytes per second of bandwidth).</summary>
    public double Amount { get; private set; }

    internal double RequestedAt { get; private set; }

    internal int PreferZone { get; private set; } = -1;

    internal int VacatesZone { get; private set; } = -1;

    internal object? Pool { get; private set; }

    internal int Priority { get; private set; }

    internal void Ask(object pool, double amount, int tag, double now, int preferZone = -1, int vacatesZone = -1, int priority = 0)
    {
        if (State != LeaseState.Idle)
        {
            throw new InvalidOperationException($"A lease that is {State} cannot ask again; release it first.");
        }

        Pool = pool;
        Amount = amount;
        Tag = tag;
        RequestedAt = now;
        PreferZone = preferZone;
        VacatesZone = vacatesZone;
        Priority = priority;
        Zone = -1;
        WarmVm = false;
        State = LeaseState.Waiting;
    }

    /// <summary>Grants the lease; <paramref name="notify"/> calls back the holder (for a request that queued).</summary>
    internal void Grant(int zone, bool warmVm, double amount, bool notify)
    {
        State = LeaseState.Granted;
        Zone = zone;
        WarmVm = warmVm;
        Amount = amount;
        if (notify)
        {
            _granted();
        }
    }

    internal void Clear()
    {
        State = LeaseState.Idle;
        Pool = null;
        Zone = -1;
        WarmVm = false;
    }
}
