using HaSim.Kernel;
using HaSim.Model.Clients;
using HaSim.Model.Incidents;
using HaSim.Model.Parameters;
using HaSim.Model.Workloads;

namespace HaSim.Model.Architectures;

/// <summary>Everything an architecture needs to run: the simulation, its parameters, workload, client policy and observer.</summary>
/// <param name="Simulation">The simulation (clock, queue and random streams).</param>
/// <param name="Parameters">The architecture's parameters (a preset with overrides).</param>
/// <param name="Workload">The workload.</param>
/// <param name="Client">The client reconnect policy.</param>
/// <param name="Observer">Receives incidents, degraded intervals and trace lines.</param>
public sealed record SystemContext(Simulation Simulation, ParameterSet Parameters, Workload Workload, ClientPolicy Client, IRunObserver Observer);
