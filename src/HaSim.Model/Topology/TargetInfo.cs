using HaSim.Model.Faults;

namespace HaSim.Model.Topology;

/// <summary>A fault target an architecture exposes: its name, kind, and the fault kinds it accepts.</summary>
/// <param name="Name">Name used in scenario timelines.</param>
/// <param name="Kind">The component kind.</param>
/// <param name="Faults">Fault kinds that apply.</param>
/// <param name="Description">What the target is (roles are resolved when the fault happens, e.g. "the current primary").</param>
public sealed record TargetInfo(string Name, ComponentKind Kind, IReadOnlyList<FaultKind> Faults, string Description);
