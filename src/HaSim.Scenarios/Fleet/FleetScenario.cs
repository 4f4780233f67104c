using HaSim.Model.Parameters;

namespace HaSim.Scenarios.Fleet;

/// <summary>
/// A validated fleet scenario: groups of databases placed on one region's zones and nodes, the
/// capacity they share, and a timeline of faults on the shared infrastructure, on nodes or on single
/// databases. Change a figure for a sweep with <see cref="WithCapacity"/> or <see cref="WithGroup"/>.
/// </summary>
/// <param name="Name">A short name (defaults to the file name).</param>
/// <param name="Description">What the scenario replays.</param>
/// <param name="FilePath">The file it was read from.</param>
/// <param name="Groups">The groups, in file order; database <c>i</c> of group <c>g</c> is named <c>g/i</c>.</param>
/// <param name="Capacity">The shared capacity's parameters (defaults with the file's <c>fleet.capacity:</c> overrides).</param>
/// <param name="CapacityOverrides">The capacity keys the file set.</param>
/// <param name="Timeline">Scripted faults in time order.</param>
/// <param name="Seed">The root seed.</param>
/// <param name="HorizonSeconds">The longest a scripted run goes on.</param>
public sealed record FleetScenario(
    string Name,
    string Description,
    string FilePath,
    IReadOnlyList<FleetGroup> Groups,
    ParameterSet Capacity,
    IReadOnlyList<string> CapacityOverrides,
    IReadOnlyList<FleetFault> Timeline,
    ulong Seed,
    double HorizonSeconds)
{
    /// <summary>Databases in the fleet.</summary>
    public int DatabaseCount => Groups.Sum(g => g.Count);

    /// <summary>True if a group runs the serverless architecture (the fleet then shares compute capacity).</summary>
    public bool HasServerless => Groups.Any(g => g.IsServerless);

    /// <summary>True if a group runs a server architecture (the fleet then shares VM provisioning, the control plane and restore bandwidth).</summary>
    public bool HasServers => Groups.Any(g => !g.IsServerless);

    /// <summary>The group named <paramref name="name"/>, or null.</summary>
    public FleetGroup? Group(string name) => Groups.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.Ordinal));

    /// <summary>This scenario with capacity parameter <paramref name="key"/> set to <paramref name="value"/> (for sweeps).</summary>
    /// <exception cref="ArgumentException">The key is unknown or the value invalid.</exception>
    public FleetScenario WithCapacity(string key, ParameterValue value) => this with { Capacity = Capacity.With(key, value) };

    /// <summary>This scenario with the group named <paramref name="name"/> replaced by <paramref name="change"/>'s result (for sweeps: count, parameters).</summary>
    /// <exception cref="ArgumentException">No group has that name.</exception>
    public FleetScenario WithGroup(string name, Func<FleetGroup, FleetGroup> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var group = Group(name) ?? throw new ArgumentException($"The fleet has no group '{name}'.", nameof(name));
        return this with { Groups = [.. Groups.Select(g => ReferenceEquals(g, group) ? change(g) : g)] };
    }
}
