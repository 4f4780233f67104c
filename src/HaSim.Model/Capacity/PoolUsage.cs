namespace HaSim.Model.Capacity;

/// <summary>
/// What one shared pool saw during a run: its capacity, the most it had in use at once, the
/// requests it served, those that had to queue and how long they waited, and those it could not
/// serve at all (a warm pool found empty). Kept by the pool; read at the end of a run.
/// </summary>
public sealed class PoolUsage
{
    /// <summary>Creates the usage record of a pool.</summary>
    /// <param name="key">The pool's stable key, e.g. <c>warm_pool_az_1</c>.</param>
    /// <param name="label">Its display label, e.g. "warm pool, az-1".</param>
    /// <param name="unit">What it holds, e.g. "VMs" or "B/s".</param>
    /// <param name="capacity">How much it holds.</param>
    public PoolUsage(string key, string label, string unit, double capacity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;
        Label = label;
        Unit = unit;
        Capacity = capacity;
    }

    /// <summary>The stable key, written in outputs.</summary>
    public string Key { get; }

    /// <summary>The display label.</summary>
    public string Label { get; }

    /// <summary>What the pool holds ("VMs", "slots", "nodes", "failovers and restores", "B/s").</summary>
    public string Unit { get; }

    /// <summary>The pool's capacity (the largest it had, for pools that grow).</summary>
    public double Capacity { get; private set; }

    /// <summary>In use now.</summary>
    public double InUse { get; private set; }

    /// <summary>The most in use at once.</summary>
    public double PeakInUse { get; private set; }

    /// <summary>Requests made of the pool.</summary>
    public long Requests { get; private set; }

    /// <summary>Requests the pool could not serve at all (a warm pool found empty: a cold start instead).</summary>
    public long Misses { get; private set; }

    /// <summary>Requests that had to queue.</summary>
    public long Waited { get; private set; }

    /// <summary>Time requests spent queued, in seconds, summed over requests.</summary>
    public double WaitSeconds { get; private set; }

    /// <summary>The longest any request queued, in seconds.</summary>
    public double MaxWaitSeconds { get; private set; }

    /// <summary>The most requests queued at once.</summary>
    public int PeakWaiting { get; private set; }

    internal void SetInUse(double inUse)
    {
        InUse = inUse;
        if (inUse > PeakInUse)
        {
            PeakInUse = inUse;
        }
    }

    internal void SetCapacity(double capacity)
    {
        if (capacity > Capacity)
        {
            Capacity = capacity;
        }
    }

    internal void Requested() => Requests++;

    internal void Missed() => Misses++;

    internal void Queued(int waiting)
    {
        Waited++;
        if (waiting > PeakWaiting)
        {
            PeakWaiting = waiting;
        }
    }

    internal void WaitEnded(double seconds)
    {
        WaitSeconds += seconds;
        if (seconds > MaxWaitSeconds)
        {
            MaxWaitSeconds = seconds;
        }
    }
}
