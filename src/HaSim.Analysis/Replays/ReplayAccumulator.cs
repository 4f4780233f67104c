using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Scenarios.Binding;

namespace HaSim.Analysis.Replays;

/// <summary>
/// What replays of a scenario's scripted timeline over many seeds collect: the distributions of
/// every metric (a <see cref="MonteCarloAccumulator"/> over replications as long as the scenario's
/// horizon, so the figures are exactly those a budget on the same seeds reads) and each expectation's
/// tally. Merging is exact; keep one per worker.
/// </summary>
public sealed class ReplayAccumulator
{
    /// <summary>An empty accumulator for <paramref name="replications"/> replays of <paramref name="scenario"/> from <paramref name="seed"/>.</summary>
    public ReplayAccumulator(Scenario scenario, long replications, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        Seed = seed;
        var settings = new MonteCarloSettings(scenario.HorizonSeconds / Units.SecondsPerYear, replications, seed, Preset.SlaTargetOf(scenario.Parameters), scenario.Preset.ServiceLevel.CreditTiers);
        settings.Validate();
        Figures = new MonteCarloAccumulator(settings);
        Expectations = [.. scenario.Expectations.Select(_ => new ExpectationTally())];
    }

    /// <summary>The scenario replayed.</summary>
    public Scenario Scenario { get; }

    /// <summary>The root seed: replay i is seeded from (seed, i).</summary>
    public ulong Seed { get; }

    /// <summary>The distributions of every metric.</summary>
    public MonteCarloAccumulator Figures { get; }

    internal ExpectationTally[] Expectations { get; }

    /// <summary>Adds everything in <paramref name="other"/> (exact and order-independent).</summary>
    public void Merge(ReplayAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Figures.Merge(other.Figures);
        for (int k = 0; k < Expectations.Length; k++)
        {
            Expectations[k].Merge(other.Expectations[k]);
        }
    }

    /// <summary>The report figures, for the scenario named by <paramref name="identity"/>.</summary>
    public ReplaySummary Summarise(ScenarioIdentity identity) => new(
        Figures.Summarise(identity),
        [.. Scenario.Expectations.Select((e, k) => Expectations[k].Summarise(e))]);
}

/// <summary>The figures of replays of a scripted timeline over many seeds.</summary>
/// <param name="Figures">The distributions of every metric (per incident overall and per failure mode, stages, degraded time), with intervals; its per-year figures are per replication of the scenario's horizon.</param>
/// <param name="Expectations">Each expectation, checked on every replay.</param>
public sealed record ReplaySummary(MonteCarloSummary Figures, IReadOnlyList<ExpectationSummary> Expectations)
{
    /// <summary>How many replays.</summary>
    public long Replications => Figures.Settings.Replications;

    /// <summary>Per-year figures times this give per-replication figures.</summary>
    public double YearsPerReplication => Figures.Settings.Years;

    /// <summary>Whether every expectation held in every replay.</summary>
    public bool ExpectationsMet => Expectations.All(e => e.Passed);
}
