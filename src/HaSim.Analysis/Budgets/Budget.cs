using HaSim.Analysis.MonteCarlo;
using HaSim.Scenarios.Binding;

namespace HaSim.Analysis.Budgets;

/// <summary>
/// What a budget is judged on: a scenario's scripted timeline replayed over many seeds without random
/// failures, or a scenario (or a bare preset) run for simulated years with random failures.
/// </summary>
/// <param name="Scenario">The loaded scenario.</param>
/// <param name="Identity">Its identity; the hash is what a baseline's staleness is judged by.</param>
/// <param name="Display">How reports name it: the scenario path, or <c>preset NAME</c>.</param>
/// <param name="Years">Simulated years per replication, or null to replay the scripted timeline.</param>
public sealed record BudgetSubject(Scenario Scenario, ScenarioIdentity Identity, string Display, double? Years)
{
    /// <summary>Whether replications are replays of the scripted timeline (no random failures).</summary>
    public bool IsScripted => Years is null;

    /// <summary>How a replication runs, for reports and baselines: <c>scripted</c> or <c>years</c>.</summary>
    public string Mode => IsScripted ? "scripted" : "years";
}

/// <summary>
/// One budget: a goal on a figure of a subject, the replications its sequential verdict starts
/// with and may escalate to, the seed, and the tolerance for regressions against its baseline.
/// </summary>
/// <param name="Name">The budget's name: a slug, unique in its file, naming its baseline file and test case.</param>
/// <param name="Description">What it guards, for reports.</param>
/// <param name="Subject">What it runs.</param>
/// <param name="Goal">The limit and its confidence.</param>
/// <param name="Replications">Replications at the first look.</param>
/// <param name="MaxReplications">The most replications it may escalate to.</param>
/// <param name="Seed">The root seed: replication i is seeded from (seed, i) only.</param>
/// <param name="Regression">How much worse than the baseline counts as a regression.</param>
/// <param name="Source">The seed figure or sourced parameter behind the limit.</param>
/// <param name="Line">The line of the budgets file it is on.</param>
public sealed record Budget(
    string Name,
    string? Description,
    BudgetSubject Subject,
    Goal Goal,
    long Replications,
    long MaxReplications,
    ulong Seed,
    Tolerance Regression,
    string? Source,
    int Line);

/// <summary>A budgets file: its budgets in file order.</summary>
/// <param name="Path">The file as the user named it.</param>
/// <param name="Name">Its name (the file name without extension), naming its baseline folder and test suite.</param>
/// <param name="Budgets">The budgets.</param>
public sealed record BudgetFile(string Path, string Name, IReadOnlyList<Budget> Budgets);
