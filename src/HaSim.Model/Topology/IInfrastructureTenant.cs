using HaSim.Model.Faults;

namespace HaSim.Model.Topology;

/// <summary>A database placed on the shared infrastructure: told of every zone, region and object-storage change.</summary>
public interface IInfrastructureTenant
{
    /// <summary>Reacts to <paramref name="change"/> of zone <paramref name="zone"/> (−1 for region and object storage); <paramref name="cause"/> is the fault, or null when an outage ends.</summary>
    void OnInfrastructureChange(InfrastructureChange change, int zone, Fault? cause);
}
