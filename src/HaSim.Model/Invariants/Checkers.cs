using HaSim.Model.Architectures;

namespace HaSim.Model.Invariants;

/// <summary>The invariant checkers to run on a database: the generic ones and its architecture's own.</summary>
public static class Checkers
{
    /// <summary>New checkers for one database of <paramref name="architecture"/> (checkers hold per-run state: never share them).</summary>
    public static IReadOnlyList<ModelChecker> For(ArchitectureDescriptor architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return [new IncidentChecker(), new StageChecker(), new StageCoverageChecker(), new WalChecker(), .. architecture.CreateCheckers()];
    }
}
