using HaSim.Model.Faults;
using HaSim.Model.Names;
using HaSim.Model.Topology;

namespace HaSim.Model.Architectures;

/// <summary>
/// Where a fault on a target family goes: the handler that applies it and the failure mode an
/// incident it opens counts as (unless the fault names its own).
/// </summary>
/// <param name="Family">The target family.</param>
/// <param name="Kind">The fault kind.</param>
/// <param name="Mode">The failure mode of an incident it opens.</param>
/// <param name="Apply">Applies the fault to the system (the system settles afterwards).</param>
/// <param name="AppliesWhen">Whether a database with these parameters accepts the fault at all (null: always).</param>
public sealed record FaultRoute(TargetFamily Family, FaultKind Kind, FailureMode Mode, Action<DatabaseSystem, Fault> Apply, Func<Parameters.ParameterSet, bool>? AppliesWhen = null);
