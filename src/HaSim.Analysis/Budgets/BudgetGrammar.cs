using HaSim.Scenarios.Grammar;

namespace HaSim.Analysis.Budgets;

/// <summary>
/// The fields of a budgets file. <see cref="BudgetFileLoader"/> accepts exactly these keys;
/// <c>hasim schema budgets</c> writes its JSON Schema from them.
/// </summary>
public static class BudgetGrammar
{
    /// <summary>A budget's name: a slug that names its baseline file and test case.</summary>
    public const string NamePattern = "^[a-z0-9][a-z0-9_-]{0,99}$";

    private static readonly FileKey Replications = new("replications", "replications at the first look (at least 20, default 100)", ValueShape.Count(BudgetFileLoader.MinReplications, BudgetFileLoader.MaxReplicationsLimit));
    private static readonly FileKey MaxReplications = new("max_replications", "the most replications the budget escalates to (default 16 x replications)", ValueShape.Count(BudgetFileLoader.MinReplications, BudgetFileLoader.MaxReplicationsLimit));
    private static readonly FileKey Confidence = new("confidence", "the confidence of every verdict, from 50% to below 100% (default 95%)", ValueShape.Of(ValueKind.Fraction));
    private static readonly FileKey Regression = new("regression", "the tolerance against the baseline: a share of it ('10%'), an amount in the figure's unit ('5 s') or percentage points for fractions ('0.5 pp')", ValueShape.Of(ValueKind.Tolerance));
    private static readonly FileKey Seed = new("seed", "the root seed of the replications (default 1)", ValueShape.Of(ValueKind.Seed));

    /// <summary>The <c>defaults:</c> section, for every budget of the file.</summary>
    public static FileSection Defaults { get; } = new("defaults", "Settings every budget below inherits unless it sets its own.", [Replications, MaxReplications, Confidence, Regression, Seed]);

    /// <summary>One budget.</summary>
    public static FileSection Budget { get; } = new("budget", "A goal on a figure of a scenario (its timeline replayed over seeds) or of years of random failures, with the source of its limit.",
    [
        new("name", "a slug: names the baseline file and the test case", ValueShape.Name(NamePattern), Required: true),
        new("description", "what the budget guards", ValueShape.Of(ValueKind.Text)),
        new("scenario", "a scenario file, relative to this file: replayed over seeds, or run for 'years:' of random failures", ValueShape.Of(ValueKind.ScenarioPath)),
        new("preset", "a preset run for 'years:' of random failures (instead of a scenario)", ValueShape.Of(ValueKind.Preset)),
        new("years", "simulated years of random failures per replication (more than 0, at most 1000000)", ValueShape.Number(0, 1e6, minExclusive: true)),
        new("goal", "the goal, e.g. 'p99 rto <= 120 s' or 'P(month misses SLA) <= 1%'", ValueShape.Of(ValueKind.Goal), Required: true),
        Confidence,
        Replications,
        MaxReplications,
        Regression,
        Seed,
        new("source", "the seed figure or sourced parameter the limit comes from", ValueShape.Of(ValueKind.Text)),
    ]);

    /// <summary>The root of a budgets file.</summary>
    public static FileSection Root { get; } = new("budgets_file", "HaSim budgets: goals on figures of scenarios and presets, checked by 'hasim check' against committed baselines.",
    [
        new("defaults", Defaults.Description, ValueShape.Map(Defaults)),
        new("budgets", "the budgets (at least one)", ValueShape.List(ValueShape.Map(Budget), minItems: 1), Required: true),
    ]);
}
