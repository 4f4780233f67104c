using HaSim.Kernel;
using HaSim.Model.Faults;

namespace HaSim.Model.Topology;

/// <summary>
/// What the databases of one simulation share: the region, its availability zones and its object
/// storage, and capacity pools (warm VMs, spare slots, provisioning) that databases compete for.
/// A database is a tenant placed on it, not the simulation: a zone outage reaches every tenant.
/// </summary>
public sealed class Infrastructure : IScheduledCallback
{
    /// <summary>Zones in the region (az-1 to az-3).</summary>
    public const int ZoneCount = 3;

    private const long RegionToken = 100;
    private const long ObjectStorageToken = 101;
    private readonly List<IInfrastructureTenant> _tenants = [];
    private readonly Dictionary<string, object> _shared = new(StringComparer.Ordinal);
    private readonly OutageState[] _zones;

    /// <summary>Creates the infrastructure of <paramref name="simulation"/>: a region with three zones and object storage, all up.</summary>
    public Infrastructure(Simulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        Simulation = simulation;
        Region = new OutageState("region");
        ObjectStorage = new OutageState("object storage");
        _zones = [.. Enumerable.Range(0, ZoneCount).Select(z => new OutageState(ZoneName(z)))];
    }

    /// <summary>The simulation.</summary>
    public Simulation Simulation { get; }

    /// <summary>The region.</summary>
    public OutageState Region { get; }

    /// <summary>The region's object storage.</summary>
    public OutageState ObjectStorage { get; }

    /// <summary>The zones, az-1 first.</summary>
    public IReadOnlyList<OutageState> Zones => _zones;

    /// <summary>The tenants, in the order they were placed.</summary>
    public IReadOnlyList<IInfrastructureTenant> Tenants => _tenants;

    /// <summary>The display name of zone <paramref name="zone"/> (0-based): "az-1".</summary>
    public static string ZoneName(int zone) => $"az-{zone + 1}";

    /// <summary>True if zone <paramref name="zone"/> can run anything: it and the region are up.</summary>
    public bool IsZoneAvailable(int zone) => Region.IsUp && _zones[zone].IsUp;

    /// <summary>Zones that can run anything now.</summary>
    public int AvailableZones
    {
        get
        {
            int n = 0;
            for (int z = 0; z < ZoneCount; z++)
            {
                if (IsZoneAvailable(z))
                {
                    n++;
                }
            }

            return n;
        }
    }

    /// <summary>Places a tenant: it hears of every change from now on.</summary>
    public void Attach(IInfrastructureTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        _tenants.Add(tenant);
    }

    /// <summary>A capacity pool shared by every tenant, created by the first that asks for it under <paramref name="key"/>.</summary>
    public T Shared<T>(string key, Func<T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        if (!_shared.TryGetValue(key, out var pool))
        {
            pool = create();
            _shared.Add(key, pool);
        }

        return (T)pool;
    }

    /// <summary>Zone <paramref name="zone"/> goes down for <paramref name="durationSeconds"/> (null: the rest of the run); nothing happens if it is down already.</summary>
    public void ZoneOutage(int zone, double? durationSeconds, Fault cause)
    {
        if (_zones[zone].GoDown(Until(durationSeconds)))
        {
            ScheduleReturn(durationSeconds, zone);
            Notify(InfrastructureChange.ZoneDown, zone, cause);
        }
    }

    /// <summary>The region goes down for <paramref name="durationSeconds"/> (null: the rest of the run).</summary>
    public void RegionOutage(double? durationSeconds, Fault cause)
    {
        if (Region.GoDown(Until(durationSeconds)))
        {
            ScheduleReturn(durationSeconds, RegionToken);
            Notify(InfrastructureChange.RegionDown, -1, cause);
        }
    }

    /// <summary>Object storage is unavailable for <paramref name="durationSeconds"/> (null: the rest of the run).</summary>
    public void ObjectStorageOutage(double? durationSeconds, Fault cause)
    {
        if (ObjectStorage.GoDown(Until(durationSeconds)))
        {
            ScheduleReturn(durationSeconds, ObjectStorageToken);
            Notify(InfrastructureChange.ObjectStorageDown, -1, cause);
        }
    }

    /// <inheritdoc/>
    void IScheduledCallback.OnCallback(long token)
    {
        double now = Simulation.Now;
        if (token == RegionToken)
        {
            if (Region.ReturnIfDue(now))
            {
                Notify(InfrastructureChange.RegionUp, -1, null);
            }
        }
        else if (token == ObjectStorageToken)
        {
            if (ObjectStorage.ReturnIfDue(now))
            {
                Notify(InfrastructureChange.ObjectStorageUp, -1, null);
            }
        }
        else if (_zones[(int)token].ReturnIfDue(now))
        {
            Notify(InfrastructureChange.ZoneUp, (int)token, null);
        }
    }

    private double Until(double? durationSeconds) => durationSeconds is { } d ? Simulation.Now + d : double.PositiveInfinity;

    private void ScheduleReturn(double? durationSeconds, long token)
    {
        if (durationSeconds is { } d)
        {
            Simulation.ScheduleCallback(d, this, token);
        }
    }

    private void Notify(InfrastructureChange change, int zone, Fault? cause)
    {
        for (int i = 0; i < _tenants.Count; i++)
        {
            _tenants[i].OnInfrastructureChange(change, zone, cause);
        }
    }
}
