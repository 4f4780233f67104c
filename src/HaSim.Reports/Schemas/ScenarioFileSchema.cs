using HaSim.Model.Presets;
using HaSim.Scenarios.Grammar;

namespace HaSim.Reports.Schemas;

/// <summary>A single database's scenario file (<c>scenarios/azure/*.yaml</c>).</summary>
public sealed class ScenarioFileSchema : FileSchema
{
    /// <inheritdoc/>
    public override string Kind => "scenario";

    /// <inheritdoc/>
    public override string Title => "HaSim scenario";

    /// <inheritdoc/>
    public override FileSection Root => ScenarioGrammar.Root;

    /// <summary>The components of every preset at its own parameters (more appear when a scenario raises a count).</summary>
    public override IReadOnlyList<string> TargetExamples =>
        [.. PresetCatalog.All.SelectMany(p => p.Architecture.Targets(p.Parameters)).Select(t => t.Label).Distinct(StringComparer.Ordinal)];
}
