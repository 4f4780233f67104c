namespace HaSim.Analysis.Budgets;

/// <summary>What the evidence says about a goal.</summary>
public enum Verdict
{
    /// <summary>The whole confidence interval meets the limit.</summary>
    Pass,

    /// <summary>The whole confidence interval breaks the limit.</summary>
    Fail,

    /// <summary>The interval straddles the limit: more replications are needed to tell.</summary>
    Inconclusive,
}
