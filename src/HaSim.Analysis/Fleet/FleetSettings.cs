using HaSim.Analysis.MonteCarlo;
using HaSim.Kernel.Random;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Scenarios.Fleet;

namespace HaSim.Analysis.Fleet;

/// <summary>
/// What a fleet run measures: replications of the fleet's scripted timeline alone (no
/// <see cref="Years"/>: each runs until everything has settled, at most the horizon) or with random
/// failures over <see cref="Years"/> simulated years; the root seed; the confidence level. Replication
/// <c>i</c> is seeded from (seed, i) only, so any thread count or shard split gives the same result.
/// </summary>
/// <param name="Years">Simulated years per replication with random failures, or null for replays of the timeline.</param>
/// <param name="Replications">Replications of the whole run (all shards together).</param>
/// <param name="Seed">The root seed.</param>
/// <param name="HorizonSeconds">Without <paramref name="Years"/>: the longest a replication runs (the scenario's horizon).</param>
/// <param name="Level">The confidence level of every interval.</param>
public sealed record FleetSettings(double? Years, long Replications, ulong Seed, double HorizonSeconds, double Level = MonteCarloSettings.DefaultLevel)
{
    /// <summary>True if replications run random failures (Monte Carlo over simulated years).</summary>
    public bool RandomFailures => Years is not null;

    /// <summary>The simulated seconds a replication covers.</summary>
    public double RunSeconds => Years is { } y ? y * Units.SecondsPerYear : HorizonSeconds;

    /// <summary>Whole months per replication (0 for replays of the timeline).</summary>
    public long MonthsPerReplication => Years is { } y ? (long)Math.Floor((y * 12) + 1e-9) : 0;

    /// <summary>Settings for <paramref name="scenario"/> (its horizon); <paramref name="years"/> null replays its timeline.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Years or replications are out of range.</exception>
    public static FleetSettings For(FleetScenario scenario, double? years, long replications, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var settings = new FleetSettings(years, replications, seed, scenario.HorizonSeconds);
        settings.Validate();
        return settings;
    }

    /// <summary>The seed of replication <paramref name="index"/>.</summary>
    public ulong ReplicationSeed(long index) => SeedMixer.Derive(Seed, index);

    /// <summary>The per-database Monte Carlo settings of <paramref name="group"/>: each of its databases in each replication counts as one replication.</summary>
    public MonteCarloSettings ForGroup(FleetGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new MonteCarloSettings(RunSeconds / Units.SecondsPerYear, checked(Replications * group.Count), Seed, Preset.SlaTargetOf(group.Parameters), group.Preset.ServiceLevel.CreditTiers, Level);
    }

    /// <summary>Throws unless the settings are usable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public void Validate()
    {
        if (Years is { } y && (!(y > 0) || !double.IsFinite(y) || y > 1e6))
        {
            throw new ArgumentOutOfRangeException(nameof(Years), Years, "Years per replication must be positive and at most 1,000,000.");
        }

        if (!(HorizonSeconds > 0) || !double.IsFinite(HorizonSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(HorizonSeconds), HorizonSeconds, "The horizon must be positive and finite.");
        }

        if (Replications < 1 || Replications > MonteCarloSettings.MaxReplications)
        {
            throw new ArgumentOutOfRangeException(nameof(Replications), Replications, $"Replications must be between 1 and {MonteCarloSettings.MaxReplications}.");
        }

        if (!(Level > 0 && Level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "The confidence level must lie strictly between 0 and 1.");
        }
    }
}
