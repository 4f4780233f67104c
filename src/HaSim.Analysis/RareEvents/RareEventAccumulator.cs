using HaSim.Analysis.Statistics;
using HaSim.Scenarios.Running.Biasing;

namespace HaSim.Analysis.RareEvents;

/// <summary>
/// What a biased run collects, per replication: its count of the event (years or months with it), its
/// weight (each year with the event weighed by the likelihood ratio when it was decided), the weight squared, the likelihood ratio alone and squared (which
/// must average 1), and how much biasing it took. Sums are exact (<see cref="WeightSum"/>, integers), the
/// maximum is a maximum, so accumulators of any split of the replications merge to the same state.
/// </summary>
/// <remarks>Not thread-safe: one per worker, merged afterwards.</remarks>
public sealed class RareEventAccumulator
{
    /// <summary>Replications added.</summary>
    public long Replications { get; private set; }

    /// <summary>Replications that reached the event at least once.</summary>
    public long Hits { get; private set; }

    /// <summary>Events (years or months with the event), unweighted.</summary>
    public long Events { get; private set; }

    /// <summary>Σ weight.</summary>
    public WeightSum Weights { get; } = new();

    /// <summary>Σ weight².</summary>
    public WeightSum SquaredWeights { get; } = new();

    /// <summary>Σ likelihood ratio over every replication.</summary>
    public WeightSum Ratios { get; } = new();

    /// <summary>Σ likelihood ratio².</summary>
    public WeightSum SquaredRatios { get; } = new();

    /// <summary>The largest weight of one replication.</summary>
    public double MaxWeight { get; private set; }

    /// <summary>Failures the biasing added, over every replication.</summary>
    public long ExtraFailures { get; private set; }

    /// <summary>Vulnerable episodes, over every replication.</summary>
    public long Episodes { get; private set; }

    /// <summary>Replications whose likelihood ratio was too large to sum (above 2^191): left out, and the estimate flagged.</summary>
    public long OutOfRange { get; private set; }

    /// <summary>Vulnerable time in milliseconds, summed exactly.</summary>
    public ExactSum VulnerableSeconds { get; } = new(1_000);

    /// <summary>Adds one replication: <paramref name="count"/> events of total weight <paramref name="weight"/>, under the biasing outcome <paramref name="outcome"/>.</summary>
    public void Add(long count, double weight, in BiasedOutcome outcome)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        double ratio = outcome.LikelihoodRatio;
        Replications++;
        if (!(ratio * ratio < WeightSum.Max) || !(weight * weight < WeightSum.Max))
        {
            OutOfRange++;
            return;
        }

        Ratios.Add(ratio);
        SquaredRatios.Add(ratio * ratio);
        ExtraFailures += outcome.ExtraFailures;
        Episodes += outcome.Episodes;
        VulnerableSeconds.Add(outcome.VulnerableSeconds);
        if (count > 0)
        {
            Hits++;
            Events += count;
            Weights.Add(weight);
            SquaredWeights.Add(weight * weight);
            MaxWeight = Math.Max(MaxWeight, weight);
        }
    }

    /// <summary>Adds everything in <paramref name="other"/> (exact and order-independent).</summary>
    public void Merge(RareEventAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        checked
        {
            Replications += other.Replications;
            Hits += other.Hits;
            Events += other.Events;
            ExtraFailures += other.ExtraFailures;
            Episodes += other.Episodes;
            OutOfRange += other.OutOfRange;
        }

        Weights.Merge(other.Weights);
        SquaredWeights.Merge(other.SquaredWeights);
        Ratios.Merge(other.Ratios);
        SquaredRatios.Merge(other.SquaredRatios);
        VulnerableSeconds.Merge(other.VulnerableSeconds);
        MaxWeight = Math.Max(MaxWeight, other.MaxWeight);
    }
}
