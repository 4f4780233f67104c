using HaSim.Model.Architectures.Servers;
using HaSim.Model.Capacity;
using HaSim.Model.Parameters;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Fleet;

namespace HaSim.Scenarios.Cost;

/// <summary>
/// What a configuration keeps running all month, read from its parameters: one server (or compute)
/// VM per database, its standbys, the fleet's warm-pool VMs and spare slots in every zone it uses,
/// and storage (each database's size, once per copy: the primary's and each standby's).
/// </summary>
/// <param name="Databases">Databases.</param>
/// <param name="ServerVms">Server or compute VMs.</param>
/// <param name="StandbyVms">Standby VMs.</param>
/// <param name="WarmPoolVms">Ready VMs in warm pools.</param>
/// <param name="SpareSlots">Spare compute slots.</param>
/// <param name="StorageGb">Storage, in GB (10^9 bytes).</param>
public sealed record MonthlyResources(int Databases, double ServerVms, double StandbyVms, double WarmPoolVms, double SpareSlots, double StorageGb)
{
    private const double BytesPerGb = 1e9;

    /// <summary>The resources of one database of <paramref name="scenario"/> (no shared pools).</summary>
    public static MonthlyResources Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        int standbys = Standbys(scenario.Parameters);
        return new MonthlyResources(1, 1, standbys, 0, 0, scenario.Workload.DatabaseBytes * (1 + standbys) / BytesPerGb);
    }

    /// <summary>The resources of <paramref name="fleet"/>: its databases' and, when it has serverless groups, its warm pools and spare slots in every zone a group uses.</summary>
    public static MonthlyResources Of(FleetScenario fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        double servers = 0, standbys = 0, storage = 0;
        foreach (var g in fleet.Groups)
        {
            int s = Standbys(g.Parameters);
            servers += g.Count;
            standbys += (double)g.Count * s;
            storage += g.Count * g.Workload.DatabaseBytes * (1 + s) / BytesPerGb;
        }

        int zones = fleet.Groups.Where(g => g.IsServerless).SelectMany(g => g.Zones).Distinct().Count();
        double warm = fleet.HasServerless ? (double)zones * fleet.Capacity.Get(CapacityParameters.WarmPoolPerZone) : 0;
        double spare = fleet.HasServerless ? (double)zones * fleet.Capacity.Get(CapacityParameters.SpareSlotsPerZone) : 0;
        return new MonthlyResources(fleet.DatabaseCount, servers, standbys, warm, spare, storage);
    }

    private static int Standbys(ParameterSet parameters) => parameters.Has(ServerParameters.StandbyCount) ? parameters.Get(ServerParameters.StandbyCount) : 0;
}
