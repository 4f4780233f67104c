using HaSim.Kernel;
using HaSim.Kernel.Distributions;
using HaSim.Kernel.Random;

namespace HaSim.Model.Capacity;

/// <summary>
/// A pool of ready VMs shared by every compute of the infrastructure: a recreated compute takes one
/// if there is one (a fast start) and a replacement is booted into the pool after a refill time.
/// </summary>
public sealed class WarmPool : IScheduledCallback
{
    private readonly Simulation _simulation;
    private readonly Distribution _refill;
    private readonly RandomStream _random;

    /// <summary>Creates a full pool of <paramref name="size"/> VMs.</summary>
    public WarmPool(Simulation simulation, int size, Distribution refill)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        _simulation = simulation;
        _refill = refill;
        _random = simulation.Streams.Get("capacity/warm-pool");
        Size = size;
        Available = size;
    }

    /// <summary>VMs the pool holds when full.</summary>
    public int Size { get; }

    /// <summary>Ready VMs now.</summary>
    public int Available { get; private set; }

    /// <summary>The fewest ready VMs seen.</summary>
    public int LowestAvailable { get; private set; } = int.MaxValue;

    /// <summary>Takes a ready VM if there is one (and starts booting its replacement); false if the pool is empty.</summary>
    public bool TryTake()
    {
        if (Available == 0)
        {
            LowestAvailable = 0;
            return false;
        }

        Available--;
        LowestAvailable = Math.Min(LowestAvailable, Available);
        _simulation.ScheduleCallback(_refill.Sample(_random), this, 0);
        return true;
    }

    /// <inheritdoc/>
    void IScheduledCallback.OnCallback(long token)
    {
        if (Available < Size)
        {
            Available++;
        }
    }
}
