using HaSim.Kernel;

namespace HaSim.Model.Architectures;

/// <summary>
/// The region and its availability zones as a deployment sees them: which are up, the first
/// healthy zone to move to, and events that succeed when a zone or the region returns.
/// </summary>
public sealed class RegionState
{
    /// <summary>Zones in the region (az-1 to az-3).</summary>
    public const int ZoneCount = 3;

    private readonly Simulation _simulation;
    private readonly bool[] _zoneUp = [true, true, true];
    private readonly Event?[] _zoneBack = new Event?[ZoneCount];
    private Event? _regionBack;

    internal RegionState(Simulation simulation) => _simulation = simulation;

    /// <summary>True unless the whole region is down.</summary>
    public bool IsUp { get; private set; } = true;

    /// <summary>Zones up now.</summary>
    public int ZonesUp => _zoneUp.Count(z => z);

    /// <summary>True if zone <paramref name="zone"/> (0-based) is up.</summary>
    public bool IsZoneUp(int zone) => _zoneUp[zone];

    /// <summary>The first healthy zone other than <paramref name="avoid"/>; if none, <paramref name="avoid"/> (or zone 0).</summary>
    public int FirstHealthyZone(int avoid = -1)
    {
        for (int z = 0; z < ZoneCount; z++)
        {
            if (_zoneUp[z] && z != avoid)
            {
                return z;
            }
        }

        return avoid < 0 ? 0 : avoid;
    }

    /// <summary>An event that succeeds when zone <paramref name="zone"/> returns.</summary>
    public Event WhenZoneReturns(int zone) => _zoneBack[zone] ??= _simulation.Event();

    /// <summary>An event that succeeds when the region returns, or null if it is up.</summary>
    public Event? WhenRegionReturns() => IsUp ? null : _regionBack ??= _simulation.Event();

    internal void SetZone(int zone, bool up)
    {
        _zoneUp[zone] = up;
        if (up)
        {
            var back = _zoneBack[zone];
            _zoneBack[zone] = null;
            back?.Succeed();
        }
    }

    internal void SetRegion(bool up)
    {
        IsUp = up;
        if (up)
        {
            var back = _regionBack;
            _regionBack = null;
            back?.Succeed();
        }
    }
}
