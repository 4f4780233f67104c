using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Architectures;
using HaSim.Scenarios.Running.Biasing;

namespace HaSim.Analysis.RareEvents;

/// <summary>
/// What an accelerated rare-event run estimates and how: the event (optionally only incidents of one
/// failure mode), replications of <see cref="Years"/> years, the root seed, the confidence level, and the
/// biasing (its strength from a pilot run unless given). Everything that changes the result is here.
/// </summary>
/// <param name="Event">The event whose probability is estimated.</param>
/// <param name="FailureMode">Count only incidents of this failure mode (its key), or null for all.</param>
/// <param name="Years">Simulated years per replication.</param>
/// <param name="Replications">Replications of the biased run.</param>
/// <param name="Seed">The root seed; replication i is seeded from (seed, i), as in naive Monte Carlo.</param>
/// <param name="Level">The confidence level of the interval.</param>
/// <param name="TimeScales">The biasing's time scales τ, in seconds, or null for the pilot's choice (10 s, 100 s, 1000 s and the mean vulnerable episode).</param>
/// <param name="Biasing">The biasing itself, or null to let the pilot set the strengths (about one extra failure per replication).</param>
/// <param name="PilotReplications">Unbiased replications of the pilot that measures the vulnerable episodes.</param>
/// <param name="Importance">What the importance function counts, or null for the event's own (<see cref="RareEvent.Importance"/>).</param>
public sealed record RareEventSettings(
    RareEvent Event,
    string? FailureMode,
    double Years,
    long Replications,
    ulong Seed,
    double Level = MonteCarloSettings.DefaultLevel,
    IReadOnlyList<double>? TimeScales = null,
    FailureBiasing? Biasing = null,
    int PilotReplications = RareEventSettings.DefaultPilotReplications,
    RedundancyKind? Importance = null)
{
    /// <summary>What the importance function counts in this run.</summary>
    public RedundancyKind ImportanceKind => Importance ?? Event.Importance;

    /// <summary>The default pilot: 200 unbiased replications.</summary>
    public const int DefaultPilotReplications = 200;

    /// <summary>Years (or months) each replication adds as trials.</summary>
    public long TrialsPerReplication => Event.Period == RareEventPeriod.Year
        ? YearMarks.WholeYears(Years)
        : new MonteCarloSettings(Years, 1, Seed, 1, []).MonthsPerReplication;

    /// <summary>Throws unless the settings are usable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Event);
        new MonteCarloSettings(Years, Replications, Seed, 1, [], Level).Validate();
        if (TrialsPerReplication < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Years), Years, $"A replication must cover at least one whole {(Event.Period == RareEventPeriod.Year ? "year" : "month")} for '{Event.Key}'.");
        }

        Biasing?.Validate();
        FailureBiasing.None(ImportanceKind, [.. TimeScales ?? []]).Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(PilotReplications, 1);
    }
}
