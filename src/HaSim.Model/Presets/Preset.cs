using HaSim.Model.Architectures;
using HaSim.Model.Failures;
using HaSim.Model.Parameters;
using HaSim.Model.Workloads;

namespace HaSim.Model.Presets;

/// <summary>A shipped configuration of one seed system: its architecture and every figure, each with its source.</summary>
/// <param name="Name">The name scenarios use in <c>preset:</c>.</param>
/// <param name="Title">A readable title.</param>
/// <param name="Architecture">The architecture.</param>
/// <param name="SeedDocument">The seed document it comes from.</param>
/// <param name="Parameters">Every parameter, with its source.</param>
/// <param name="ServiceLevel">SLA credit tiers (the target is the <c>sla.target</c> parameter).</param>
/// <param name="Workload">The default workload, used when a scenario sets none.</param>
/// <param name="WorkloadSource">Why the default workload is what it is.</param>
public sealed record Preset(
    string Name,
    string Title,
    ArchitectureDescriptor Architecture,
    string SeedDocument,
    ParameterSet Parameters,
    ServiceLevel ServiceLevel,
    Workload Workload,
    ParameterSource WorkloadSource)
{
    /// <summary>The architecture's kind.</summary>
    public ModelKind Model => Architecture.Kind;

    /// <summary>The random failure processes this preset runs in Monte Carlo runs.</summary>
    public IReadOnlyList<FailureProcess> FailureProcesses => Architecture.FailureProcesses(Parameters);

    /// <summary>The monthly uptime target.</summary>
    public double SlaTarget => SlaTargetOf(Parameters);

    /// <summary>The monthly uptime target <paramref name="parameters"/> set (every architecture has <c>sla.target</c>).</summary>
    public static double SlaTargetOf(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters["sla.target"].Number;
    }
}
