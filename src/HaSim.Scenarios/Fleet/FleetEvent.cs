using HaSim.Model.Faults;
using HaSim.Model.Names;

namespace HaSim.Scenarios.Fleet;

/// <summary>The kinds of fleet-wide event: a fault of something many databases share.</summary>
public sealed class FleetEventKind : TypedName
{
    private FleetEventKind(string key, string label)
        : base(key, label)
    {
    }

    /// <summary>An availability zone fails: every database in it.</summary>
    public static FleetEventKind ZoneOutage { get; } = new("az_outage", "AZ outage");

    /// <summary>The region fails: every database.</summary>
    public static FleetEventKind RegionOutage { get; } = new("region_outage", "region outage");

    /// <summary>Object storage is unavailable.</summary>
    public static FleetEventKind ObjectStorageOutage { get; } = new("object_storage_outage", "object storage outage");

    /// <summary>A Kubernetes node fails: every compute on it.</summary>
    public static FleetEventKind NodeFailure { get; } = new("node_failure", "node failure");

    /// <summary>Every kind, in a fixed order.</summary>
    public static NameSet<FleetEventKind> All { get; } = new([ZoneOutage, RegionOutage, ObjectStorageOutage, NodeFailure]);
}

/// <summary>
/// One fleet-wide event of a run: what failed, when, and the fault objects the databases it struck
/// were told of (an incident whose first fault is one of them was opened by this event).
/// </summary>
/// <param name="Number">1-based, in the order the events happened.</param>
/// <param name="Kind">What kind of event.</param>
/// <param name="AtSeconds">When it happened.</param>
/// <param name="Subject">What failed, e.g. "az-1" or "web/az-2/node-3".</param>
/// <param name="Faults">The faults it dealt (one per database group for a node failure).</param>
public sealed record FleetEvent(int Number, FleetEventKind Kind, double AtSeconds, string Subject, IReadOnlyList<Fault> Faults);
