using HaSim.Scenarios.Fleet;
using HaSim.Scenarios.Grammar;

namespace HaSim.Reports.Schemas;

/// <summary>A fleet scenario file (<c>scenarios/fleet/*.yaml</c>).</summary>
public sealed class FleetFileSchema : FileSchema
{
    /// <inheritdoc/>
    public override string Kind => "fleet";

    /// <inheritdoc/>
    public override string Title => "HaSim fleet scenario";

    /// <inheritdoc/>
    public override FileSection Root => FleetGrammar.Root;

    /// <summary>The shared infrastructure, and one component of a database of each kind.</summary>
    public override IReadOnlyList<string> TargetExamples =>
        [.. FleetTargets.All.Select(t => t.Label), "GROUP/0/primary", "GROUP/az-1/node-0"];
}
