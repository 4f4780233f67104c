using HaSim.Model.Faults;
using HaSim.Model.Topology;

namespace HaSim.Model.Failures;

/// <summary>The random failures of the infrastructure, which every architecture runs: zone, region and object-storage outages.</summary>
public static class InfrastructureFailures
{
    /// <summary>Availability-zone outages.</summary>
    public static FailureProcess ZoneOutages { get; } = new("az_outage", "availability zone outage", FaultKind.Outage, [InfrastructureTargets.ZoneFamily], true);

    /// <summary>Region outages.</summary>
    public static FailureProcess RegionOutages { get; } = new("region_outage", "whole-region outage", FaultKind.Outage, [InfrastructureTargets.RegionFamily], true);

    /// <summary>Object-storage outages.</summary>
    public static FailureProcess ObjectStorageOutages { get; } = new("object_storage_outage", "object storage unavailable", FaultKind.Outage, [InfrastructureTargets.ObjectStorageFamily], true);
}
