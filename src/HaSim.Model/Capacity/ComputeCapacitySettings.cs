using HaSim.Kernel.Distributions;

namespace HaSim.Model.Capacity;

/// <summary>The figures of a fleet's shared serverless compute capacity (see <see cref="CapacityParameters"/>).</summary>
/// <param name="SpareSlotsPerZone">Free compute slots each zone has when nothing is wrong.</param>
/// <param name="WarmPoolPerZone">Ready VMs each zone's warm pool holds when full.</param>
/// <param name="WarmPoolRefill">Time to boot a replacement VM into a warm pool.</param>
/// <param name="SlotsPerNewNode">Compute slots a newly provisioned node adds.</param>
/// <param name="NodeProvisioning">Time to provision a new node.</param>
/// <param name="MaxConcurrentProvisioning">Nodes provisioned at once.</param>
/// <param name="LaunchIntervalSeconds">Least time between two node launches (a rate limit; 0: none).</param>
public sealed record ComputeCapacitySettings(
    int SpareSlotsPerZone,
    int WarmPoolPerZone,
    Distribution WarmPoolRefill,
    int SlotsPerNewNode,
    Distribution NodeProvisioning,
    int MaxConcurrentProvisioning,
    double LaunchIntervalSeconds);
