using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Scenarios.Binding;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>
/// What a Monte Carlo run measures and over how long: replications of <see cref="Years"/> simulated
/// years each, the root seed, the SLA the months are judged against, and the confidence level of
/// every interval. Everything that changes the results is here, so two runs (or shards) with equal
/// settings and the same scenario produce mergeable accumulators.
/// </summary>
/// <param name="Years">Simulated years per replication (positive and finite).</param>
/// <param name="Replications">How many replications the whole run has (all shards together).</param>
/// <param name="Seed">The root seed; replication <c>i</c> is seeded from (seed, i) only.</param>
/// <param name="SlaTarget">The monthly uptime target (the scenario's <c>sla.target</c>).</param>
/// <param name="CreditTiers">The preset's service-credit tiers, highest threshold first.</param>
/// <param name="Level">The confidence level of every interval, e.g. 0.95.</param>
public sealed record MonteCarloSettings(
    double Years,
    long Replications,
    ulong Seed,
    double SlaTarget,
    IReadOnlyList<CreditTier> CreditTiers,
    double Level = MonteCarloSettings.DefaultLevel)
{
    /// <summary>The default confidence level, 95%.</summary>
    public const double DefaultLevel = 0.95;

    /// <summary>The length of a calendar month in the SLA arithmetic: a twelfth of a 365.25-day year.</summary>
    public const double MonthSeconds = Units.SecondsPerYear / 12;

    /// <summary>How many replications a run may have at most.</summary>
    public const long MaxReplications = 1L << 40;

    /// <summary>
    /// The longest replication, in years: 100,000, so that any duration within one replication fits
    /// the microsecond sums of the accumulators (which hold up to about 292,000 years).
    /// </summary>
    public const double MaxYears = 100_000;

    /// <summary>The simulated seconds of one replication (the same expression the replication runner uses).</summary>
    public double HorizonSeconds => Years * Units.SecondsPerYear;

    /// <summary>
    /// Whole months per replication: each replication is cut into consecutive months of
    /// <see cref="MonthSeconds"/> from time 0; a trailing partial month is left out of the monthly figures
    /// (it still counts towards availability).
    /// </summary>
    public long MonthsPerReplication => (long)Math.Floor((Years * 12) + 1e-9);

    /// <summary>The credit a month with <paramref name="uptime"/> earns (as <see cref="ServiceLevel.CreditFor"/>).</summary>
    public double CreditFor(double uptime)
    {
        double credit = 0;
        foreach (var tier in CreditTiers)
        {
            if (uptime < tier.UptimeBelow)
            {
                credit = Math.Max(credit, tier.CreditFraction);
            }
        }

        return credit;
    }

    /// <summary>
    /// The tier whose credit a month with <paramref name="uptime"/> earns (the first tier with the
    /// largest applicable credit), or -1 if it earns none.
    /// </summary>
    public int TierFor(double uptime)
    {
        int tier = -1;
        double credit = 0;
        for (int k = 0; k < CreditTiers.Count; k++)
        {
            var t = CreditTiers[k];
            if (uptime < t.UptimeBelow && t.CreditFraction > credit)
            {
                credit = t.CreditFraction;
                tier = k;
            }
        }

        return tier;
    }

    /// <summary>Settings for <paramref name="scenario"/>: its SLA target and credit tiers.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Years or replications are out of range.</exception>
    public static MonteCarloSettings For(Scenario scenario, double years, long replications, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var settings = new MonteCarloSettings(years, replications, seed, Preset.SlaTargetOf(scenario.Parameters), scenario.Preset.ServiceLevel.CreditTiers);
        settings.Validate();
        return settings;
    }

    /// <summary>Throws unless the settings are usable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public void Validate()
    {
        if (!(Years > 0) || !double.IsFinite(Years) || Years > MaxYears)
        {
            throw new ArgumentOutOfRangeException(nameof(Years), Years, "Years per replication must be positive and at most 100,000.");
        }

        if (Replications < 1 || Replications > MaxReplications)
        {
            throw new ArgumentOutOfRangeException(nameof(Replications), Replications, $"Replications must be between 1 and {MaxReplications}.");
        }

        if (!(Level > 0 && Level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "The confidence level must lie strictly between 0 and 1.");
        }
    }
}
