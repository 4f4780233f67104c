using HaSim.Analysis.Budgets;
using HaSim.Scenarios.Grammar;

namespace HaSim.Reports.Schemas;

/// <summary>A budgets file (<c>scenarios/budgets.yaml</c>).</summary>
public sealed class BudgetsFileSchema : FileSchema
{
    /// <inheritdoc/>
    public override string Kind => "budgets";

    /// <inheritdoc/>
    public override string Title => "HaSim budgets";

    /// <inheritdoc/>
    public override FileSection Root => BudgetGrammar.Root;
}
