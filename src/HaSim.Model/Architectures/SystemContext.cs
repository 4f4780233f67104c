using HaSim.Kernel;
using HaSim.Kernel.Random;
using HaSim.Model.Capacity;
using HaSim.Model.Clients;
using HaSim.Model.Incidents;
using HaSim.Model.Invariants;
using HaSim.Model.Parameters;
using HaSim.Model.Topology;
using HaSim.Model.Workloads;

namespace HaSim.Model.Architectures;

/// <summary>Everything a database needs to run: the infrastructure it is placed on, its parameters, workload, client policy and observers.</summary>
/// <param name="Infrastructure">The shared region, zones and capacity (and through it the simulation).</param>
/// <param name="Parameters">The architecture's parameters (a preset with overrides).</param>
/// <param name="Workload">The workload.</param>
/// <param name="Client">The client reconnect policy.</param>
/// <param name="Observer">Receives incidents, degraded intervals and trace lines.</param>
/// <param name="Checkers">Invariant checkers to run on every state change (empty on fast runs).</param>
public sealed record SystemContext(
    Infrastructure Infrastructure,
    ParameterSet Parameters,
    Workload Workload,
    ClientPolicy Client,
    IRunObserver Observer,
    IReadOnlyList<ModelChecker>? Checkers = null)
{
    /// <summary>The simulation.</summary>
    public Simulation Simulation => Infrastructure.Simulation;

    /// <summary>Where the database is placed (a database alone: az-1).</summary>
    public DatabasePlacement Placement { get; init; } = DatabasePlacement.Alone;

    /// <summary>
    /// The database's own random streams (a fleet gives each database a child family, so adding a
    /// database never shifts another's draws); null: the simulation's.
    /// </summary>
    public RandomStreams? Streams { get; init; }

    /// <summary>
    /// Capacity shared with the other databases of a fleet (warm pools, spare slots, node and VM
    /// provisioning, control plane, restore bandwidth); null for a database alone, whose recovery
    /// uses its own parameters' capacity figures.
    /// </summary>
    public SharedCapacity? Capacity { get; init; }

    /// <summary>The database's name in a fleet (e.g. "web/17"), for messages; null alone.</summary>
    public string? Name { get; init; }

    /// <summary>A context for a database alone in a new infrastructure of <paramref name="simulation"/>.</summary>
    public static SystemContext Alone(Simulation simulation, ParameterSet parameters, Workload workload, ClientPolicy client, IRunObserver observer, IReadOnlyList<ModelChecker>? checkers = null) =>
        new(new Infrastructure(simulation), parameters, workload, client, observer, checkers);
}
