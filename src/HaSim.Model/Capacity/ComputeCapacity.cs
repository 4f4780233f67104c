using HaSim.Kernel;
using HaSim.Kernel.Random;
using HaSim.Model.Faults;
using HaSim.Model.Invariants;
using HaSim.Model.Topology;

namespace HaSim.Model.Capacity;

/// <summary>
/// The compute capacity a fleet of serverless databases shares (seed 000: endpoints get "an available
/// VM from our ready-to-use pool"; rescheduling after an AZ failure takes "1-10 minutes, depending on
/// node availability in the destination AZs"). Each zone has a warm pool of ready VMs and spare slots
/// on its nodes; a compute that must move (its node or zone lost) takes a ready VM if one is left in
/// an available zone, else a free slot to cold-start a VM in, else it queues (first come, first
/// served) while new nodes are provisioned, a few at a time and at most one per launch interval.
/// </summary>
/// <remarks>
/// <para>A warm-pool VM occupies a slot: taking one for a moving compute hands the compute that slot,
/// and its replacement is booted on a free slot of the same zone once nothing queues for it. A VM
/// lost on a live node frees its own slot, so its replacement boots at once (the pool alone is then
/// an Erlang loss system: a request finding it empty cold-starts instead).</para>
/// <para>ASSUMPTION: once every zone is up and nothing waits for or holds granted capacity, each zone
/// returns to its configured spare slots (computes rebalance, extra nodes scale down).</para>
/// </remarks>
public sealed class ComputeCapacity : IScheduledCallback, IInfrastructureTenant
{
    private const long RefillToken = 0;
    private const long NodeToken = 16;
    private const long LaunchToken = 32;
    private readonly Infrastructure _infrastructure;
    private readonly Simulation _simulation;
    private readonly ComputeCapacitySettings _s;
    private readonly RandomStream _refillRandom;
    private readonly RandomStream _nodeRandom;
    private readonly CapacityChecker? _checker;
    private readonly List<CapacityLease> _queue = [];
    private readonly int[] _free;
    private readonly int[] _headroom;
    private readonly int[] _warm;
    private readonly int[] _refilling;
    private readonly int[] _provisioningIn;
    private readonly PoolUsage[] _warmUsage;
    private readonly PoolUsage[] _slotUsage;
    private int _provisioning;
    private int _outstanding;
    private double _nextLaunchAt = double.NegativeInfinity;
    private bool _launchScheduled;
    private bool _disturbed;

    /// <summary>Creates full warm pools and free spare slots in every zone of <paramref name="infrastructure"/>, and places the capacity on it (it hears of zone changes).</summary>
    public ComputeCapacity(Infrastructure infrastructure, ComputeCapacitySettings settings, CapacityChecker? checker = null)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        ArgumentNullException.ThrowIfNull(settings);
        _infrastructure = infrastructure;
        _simulation = infrastructure.Simulation;
        _s = settings;
        _checker = checker;
        _refillRandom = _simulation.Streams.Get("capacity/warm-pool-refill");
        _nodeRandom = _simulation.Streams.Get("capacity/node-provisioning");
        int zones = Infrastructure.ZoneCount;
        _free = [.. Enumerable.Repeat(settings.SpareSlotsPerZone, zones)];
        _headroom = [.. _free];
        _warm = [.. Enumerable.Repeat(settings.WarmPoolPerZone, zones)];
        _refilling = new int[zones];
        _provisioningIn = new int[zones];
        Requests = new PoolUsage("compute_capacity", "moving computes (warm VMs, slots, new nodes)", "computes", 0);
        Nodes = new PoolUsage("node_provisioning", "node provisioning", "nodes", settings.MaxConcurrentProvisioning);
        _warmUsage = [.. Enumerable.Range(0, zones).Select(z => new PoolUsage($"warm_pool_az_{z + 1}", $"warm pool, {Infrastructure.ZoneName(z)}", "VMs", settings.WarmPoolPerZone))];
        _slotUsage = [.. Enumerable.Range(0, zones).Select(z => new PoolUsage($"spare_slots_az_{z + 1}", $"spare slots, {Infrastructure.ZoneName(z)}", "slots", settings.SpareSlotsPerZone))];
        infrastructure.Attach(this);
    }

    /// <summary>The figures it was built with.</summary>
    public ComputeCapacitySettings Settings => _s;

    /// <summary>Every request of a moving compute: how many queued and for how long.</summary>
    public PoolUsage Requests { get; }

    /// <summary>Node provisioning: nodes launched (requests) and the most at once.</summary>
    public PoolUsage Nodes { get; }

    /// <summary>Each zone's warm pool: VM-loss requests, those that found it empty (cold starts), the most VMs in use.</summary>
    public IReadOnlyList<PoolUsage> WarmPools => _warmUsage;

    /// <summary>Each zone's slots: the most in use beyond the placed computes.</summary>
    public IReadOnlyList<PoolUsage> Slots => _slotUsage;

    /// <summary>Every usage record, in a fixed order.</summary>
    public IEnumerable<PoolUsage> Usage => [Requests, Nodes, .. _warmUsage, .. _slotUsage];

    /// <summary>Moving computes queued now.</summary>
    public int Waiting => _queue.Count;

    /// <summary>Nodes being provisioned now.</summary>
    public int Provisioning => _provisioning;

    /// <summary>Ready VMs in zone <paramref name="zone"/>'s pool.</summary>
    public int WarmVms(int zone) => _warm[zone];

    /// <summary>Free slots in zone <paramref name="zone"/>.</summary>
    public int FreeSlots(int zone) => _free[zone];

    /// <summary>Replacement VMs being booted into zone <paramref name="zone"/>'s pool.</summary>
    public int Refilling(int zone) => _refilling[zone];

    /// <summary>Grants held by computes that have not yet started in them.</summary>
    internal int Outstanding => _outstanding;

    /// <summary>
    /// A compute's VM was lost on a live node in <paramref name="zone"/>: takes a ready VM from the
    /// zone's pool (its replacement boots at once in the lost VM's slot) and returns true, or returns
    /// false if the pool is empty (the compute cold-starts).
    /// </summary>
    public bool TryTakeWarmVm(int zone)
    {
        var usage = _warmUsage[zone];
        usage.Requested();
        if (_warm[zone] == 0 || !_infrastructure.IsZoneAvailable(zone))
        {
            usage.Missed();
            _checker?.Check(this);
            return false;
        }

        _warm[zone]--;
        _refilling[zone]++;
        UpdateWarm(zone);
        ScheduleRefill(zone);
        _checker?.Check(this);
        return true;
    }

    /// <summary>
    /// A compute must move: asks for a ready VM or a free slot in an available zone (preferring
    /// <paramref name="preferZone"/>), queueing if there is none. <paramref name="vacatesZone"/> is the
    /// zone whose slot the compute leaves for good (its zone failed; the slot is free when the zone
    /// returns), or −1 (its node is gone with the slot).
    /// </summary>
    public void Request(CapacityLease lease, int tag, int preferZone, int vacatesZone)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lease.Ask(this, 1, tag, _simulation.Now, preferZone, vacatesZone);
        Requests.Requested();
        if (vacatesZone >= 0)
        {
            _headroom[vacatesZone]++;
            _free[vacatesZone]++;
            _disturbed = true;
        }

        if (!TryGrant(lease, notify: false))
        {
            _queue.Add(lease);
            Requests.Queued(_queue.Count);
            EnsureProvisioning();
        }

        _checker?.Check(this);
    }

    /// <summary>Withdraws a queued request, or gives back capacity granted and not used; nothing happens to an idle lease.</summary>
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
            Requests.WaitEnded(_simulation.Now - lease.RequestedAt);
        }
        else if (lease.State == LeaseState.Granted)
        {
            _outstanding--;
            int z = lease.Zone;
            if (lease.WarmVm && _warm[z] + _refilling[z] < _s.WarmPoolPerZone)
            {
                _warm[z]++;
                UpdateWarm(z);
            }
            else
            {
                _free[z]++;
                UpdateSlots(z);
            }
        }

        lease.Clear();
        Changed();
    }

    /// <summary>The compute started in the capacity it was granted: the capacity stays used.</summary>
    public void Consume(CapacityLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (!ReferenceEquals(lease.Pool, this) || lease.State != LeaseState.Granted)
        {
            throw new InvalidOperationException("Only granted compute capacity is consumed.");
        }

        _outstanding--;
        lease.Clear();
        Changed();
    }

    /// <summary>At the end of a run: counts the time requests still queued have waited.</summary>
    public void Finish()
    {
        foreach (var lease in _queue)
        {
            Requests.WaitEnded(_simulation.Now - lease.RequestedAt);
        }
    }

    /// <inheritdoc/>
    void IScheduledCallback.OnCallback(long token)
    {
        if (token >= LaunchToken)
        {
            _launchScheduled = false;
        }
        else if (token >= NodeToken)
        {
            int z = (int)(token - NodeToken);
            _provisioning--;
            _provisioningIn[z]--;
            Nodes.SetInUse(_provisioning);
            _free[z] += _s.SlotsPerNewNode;
            _headroom[z] += _s.SlotsPerNewNode;
            _slotUsage[z].SetCapacity(_headroom[z]);
        }
        else
        {
            int z = (int)(token - RefillToken);
            _refilling[z]--;
            if (_warm[z] < _s.WarmPoolPerZone)
            {
                _warm[z]++;
                UpdateWarm(z);
            }
            else
            {
                _free[z]++;
                UpdateSlots(z);
            }
        }

        Changed();
    }

    /// <inheritdoc/>
    void IInfrastructureTenant.OnInfrastructureChange(InfrastructureChange change, int zone, Fault? cause) => Changed();

    /// <summary>After any change: serve the queue, refill the pools, provision what is still missing, rebalance when calm.</summary>
    private void Changed()
    {
        Serve();
        for (int z = 0; z < _free.Length; z++)
        {
            StartRefills(z);
        }

        EnsureProvisioning();
        Rebalance();
        _checker?.Check(this);
    }

    private bool TryGrant(CapacityLease lease, bool notify)
    {
        int z = BestZone(_warm, lease.PreferZone);
        if (z >= 0)
        {
            _warm[z]--;
            UpdateWarm(z);
            Grant(lease, z, warmVm: true, notify);
            StartRefills(z);
            return true;
        }

        z = BestZone(_free, lease.PreferZone);
        if (z >= 0)
        {
            _free[z]--;
            UpdateSlots(z);
            Grant(lease, z, warmVm: false, notify);
            return true;
        }

        return false;
    }

    private void Grant(CapacityLease lease, int zone, bool warmVm, bool notify)
    {
        _outstanding++;
        _disturbed = true;
        lease.Grant(zone, warmVm, 1, notify);
    }

    /// <summary>The available zone with some of <paramref name="counts"/>: <paramref name="prefer"/> if it has, else the one with most (the lowest on a tie), or −1.</summary>
    private int BestZone(int[] counts, int prefer)
    {
        if (prefer >= 0 && counts[prefer] > 0 && _infrastructure.IsZoneAvailable(prefer))
        {
            return prefer;
        }

        int best = -1;
        for (int z = 0; z < counts.Length; z++)
        {
            if (counts[z] > 0 && _infrastructure.IsZoneAvailable(z) && (best < 0 || counts[z] > counts[best]))
            {
                best = z;
            }
        }

        return best;
    }

    private void Serve()
    {
        int i = 0;
        while (i < _queue.Count && (BestZone(_warm, -1) >= 0 || BestZone(_free, -1) >= 0))
        {
            var lease = _queue[i];
            _queue.RemoveAt(i);
            Requests.WaitEnded(_simulation.Now - lease.RequestedAt);
            TryGrant(lease, notify: true);
        }
    }

    /// <summary>Boots replacement VMs into zone <paramref name="zone"/>'s pool on free slots, while nothing queues for them.</summary>
    private void StartRefills(int zone)
    {
        while (_queue.Count == 0 && _warm[zone] + _refilling[zone] < _s.WarmPoolPerZone && _free[zone] > 0 && _infrastructure.IsZoneAvailable(zone))
        {
            _free[zone]--;
            _refilling[zone]++;
            UpdateSlots(zone);
            ScheduleRefill(zone);
        }
    }

    private void ScheduleRefill(int zone) => _simulation.ScheduleCallback(_s.WarmPoolRefill.Sample(_refillRandom), this, RefillToken + zone);

    /// <summary>Launches nodes while queued computes outnumber the slots and VMs on their way, within the concurrency and the launch interval.</summary>
    private void EnsureProvisioning()
    {
        if (_queue.Count == 0)
        {
            return;
        }

        long coming = 0;
        for (int z = 0; z < _free.Length; z++)
        {
            if (_infrastructure.IsZoneAvailable(z))
            {
                coming += ((long)_provisioningIn[z] * _s.SlotsPerNewNode) + _refilling[z];
            }
        }

        long needed = _queue.Count - coming;
        double now = _simulation.Now;
        while (needed > 0 && _provisioning < _s.MaxConcurrentProvisioning)
        {
            if (now < _nextLaunchAt)
            {
                if (!_launchScheduled)
                {
                    _launchScheduled = true;
                    _simulation.ScheduleCallback(_nextLaunchAt - now, this, LaunchToken);
                }

                return;
            }

            int zone = ZoneForNewNode();
            if (zone < 0)
            {
                return;
            }

            _provisioning++;
            _provisioningIn[zone]++;
            Nodes.Requested();
            Nodes.SetInUse(_provisioning);
            _nextLaunchAt = now + _s.LaunchIntervalSeconds;
            _simulation.ScheduleCallback(_s.NodeProvisioning.Sample(_nodeRandom), this, NodeToken + zone);
            needed -= _s.SlotsPerNewNode;
        }
    }

    /// <summary>The available zone with the fewest free and coming slots (the lowest on a tie), or −1.</summary>
    private int ZoneForNewNode()
    {
        int best = -1;
        long bestSlots = long.MaxValue;
        for (int z = 0; z < _free.Length; z++)
        {
            long slots = _free[z] + ((long)_provisioningIn[z] * _s.SlotsPerNewNode);
            if (_infrastructure.IsZoneAvailable(z) && slots < bestSlots)
            {
                best = z;
                bestSlots = slots;
            }
        }

        return best;
    }

    private void Rebalance()
    {
        if (!_disturbed || _queue.Count > 0 || _outstanding > 0)
        {
            return;
        }

        for (int z = 0; z < _free.Length; z++)
        {
            if (!_infrastructure.IsZoneAvailable(z))
            {
                return;
            }
        }

        _disturbed = false;
        for (int z = 0; z < _free.Length; z++)
        {
            _headroom[z] = _s.SpareSlotsPerZone;
            _free[z] = _s.SpareSlotsPerZone;
            UpdateSlots(z);
            StartRefills(z);
        }
    }

    private void UpdateWarm(int zone) => _warmUsage[zone].SetInUse(_s.WarmPoolPerZone - _warm[zone]);

    private void UpdateSlots(int zone) => _slotUsage[zone].SetInUse(Math.Max(0, _headroom[zone] - _free[zone]));
}
