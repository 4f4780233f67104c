using HaSim.Model.Presets;

namespace HaSim.Scenarios.Cost;

/// <summary>
/// Prices a user supplies in a file's <c>cost:</c> section, per unit of each resource, in one
/// currency; and the SLA credit policy that turns expected downtime into money (a monthly credit
/// percentage by uptime tier, times each database's monthly bill).
/// </summary>
/// <param name="Prices">Whose prices these are: <c>example</c> (shipped figures to try the command with, not vendor quotes) or <c>user</c>.</param>
/// <param name="Currency">The currency every price is in, e.g. <c>USD</c>.</param>
/// <param name="ServerVmPerHour">Each database's server VM (a serverless database: its compute VM), per hour.</param>
/// <param name="StandbyVmPerHour">Each standby server's VM, per hour.</param>
/// <param name="WarmPoolVmPerHour">Each ready VM a fleet's warm pools hold, per hour.</param>
/// <param name="SpareSlotPerHour">Each spare compute slot a fleet keeps free, per hour.</param>
/// <param name="StoragePerGbMonth">Each GB (10^9 bytes) of database storage, each copy counted, per month.</param>
/// <param name="MonthlyBill">What one database's SLA credit is a percentage of, per month.</param>
/// <param name="CreditTiers">The credit tiers, or null for each preset's own.</param>
/// <param name="Source">Where the prices were read (file and line).</param>
public sealed record CostModel(
    string Prices,
    string Currency,
    double ServerVmPerHour,
    double StandbyVmPerHour,
    double WarmPoolVmPerHour,
    double SpareSlotPerHour,
    double StoragePerGbMonth,
    double MonthlyBill,
    IReadOnlyList<CreditTier>? CreditTiers,
    string Source)
{
    /// <summary>Hours in the average month (365.25 days / 12).</summary>
    public const double HoursPerMonth = Model.Parameters.Units.SecondsPerMonth / 3600;

    /// <summary>True if these are the shipped example prices, not the user's own.</summary>
    public bool IsExample => Prices == "example";

    /// <summary>The credit tiers for databases of <paramref name="preset"/>: these prices' own, else the preset's.</summary>
    public IReadOnlyList<CreditTier> TiersFor(Preset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        return CreditTiers ?? preset.ServiceLevel.CreditTiers;
    }

    /// <summary>What <paramref name="resources"/> cost per month, item by item.</summary>
    public ResourceCost Price(MonthlyResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return new ResourceCost(
            resources.ServerVms * ServerVmPerHour * HoursPerMonth,
            resources.StandbyVms * StandbyVmPerHour * HoursPerMonth,
            resources.WarmPoolVms * WarmPoolVmPerHour * HoursPerMonth,
            resources.SpareSlots * SpareSlotPerHour * HoursPerMonth,
            resources.StorageGb * StoragePerGbMonth);
    }

    /// <summary>The expected SLA credit per month, in money, for an expected credit <paramref name="creditFraction"/> of each of <paramref name="databases"/> monthly bills.</summary>
    public double Credit(double creditFraction, int databases) => creditFraction * MonthlyBill * databases;
}

/// <summary>The monthly cost of a configuration's resources, item by item, in the prices' currency.</summary>
/// <param name="ServerVms">Server (or serverless compute) VMs.</param>
/// <param name="StandbyVms">Standby VMs.</param>
/// <param name="WarmPoolVms">Warm-pool VMs.</param>
/// <param name="SpareSlots">Spare compute slots.</param>
/// <param name="Storage">Storage.</param>
public sealed record ResourceCost(double ServerVms, double StandbyVms, double WarmPoolVms, double SpareSlots, double Storage)
{
    /// <summary>All resources together.</summary>
    public double Total => ServerVms + StandbyVms + WarmPoolVms + SpareSlots + Storage;
}
