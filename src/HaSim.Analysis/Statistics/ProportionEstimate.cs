using System.Text.Json;
using System.Text.Json.Nodes;
using MathNet.Numerics.Distributions;

namespace HaSim.Analysis.Statistics;

/// <summary>
/// A probability estimated from independent trials, such as "a month misses the SLA": exact counts
/// of successes and trials, mergeable in any order, with a Wilson score interval.
/// </summary>
/// <remarks>Instances are not thread-safe: keep one per worker and <see cref="Merge"/> them afterwards.</remarks>
public sealed class ProportionEstimate
{
    /// <summary>Creates an estimate with no trials.</summary>
    public ProportionEstimate()
    {
    }

    /// <summary>Creates an estimate from counts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The counts are negative or successes exceed trials.</exception>
    public ProportionEstimate(long successes, long trials)
    {
        Add(successes, trials);
    }

    /// <summary>How many trials succeeded (had the property being counted).</summary>
    public long Successes { get; private set; }

    /// <summary>How many trials there were.</summary>
    public long Trials { get; private set; }

    /// <summary>The observed proportion, successes / trials, or NaN with no trials.</summary>
    public double Proportion => Trials == 0 ? double.NaN : (double)Successes / Trials;

    /// <summary>Records one trial.</summary>
    public void Add(bool success) => Add(success ? 1 : 0, 1);

    /// <summary>Records <paramref name="trials"/> trials of which <paramref name="successes"/> succeeded.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The counts are negative or successes exceed trials.</exception>
    public void Add(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        checked
        {
            var s = Successes + successes;
            var t = Trials + trials;
            Successes = s;
            Trials = t;
        }
    }

    /// <summary>Adds the counts of <paramref name="other"/> (exact and order-independent).</summary>
    public void Merge(ProportionEstimate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Add(other.Successes, other.Trials);
    }

    /// <summary>An independent copy.</summary>
    public ProportionEstimate Clone() => new(Successes, Trials);

    /// <summary>
    /// The Wilson score interval: (p̂ + z²/2n ± z·sqrt(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n) with z the
    /// standard normal quantile at (1 + level)/2. Unlike the Wald interval it stays inside [0, 1] and
    /// is informative at 0 or n successes (for 0 of n at 95% the upper bound is about 3.84/(n + 3.84)).
    /// The estimate is the observed proportion; with no trials the interval is [0, 1] and the estimate NaN.
    /// </summary>
    /// <param name="level">The confidence level, strictly between 0 and 1, e.g. 0.95.</param>
    public ConfidenceInterval WilsonInterval(double level = 0.95)
    {
        ConfidenceInterval.CheckLevel(level);
        if (Trials == 0)
        {
            return new ConfidenceInterval(double.NaN, 0, 1, level);
        }

        var z = Normal.InvCDF(0, 1, 1 - ((1 - level) / 2));
        double n = Trials;
        var phat = Proportion;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (phat + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((phat * (1 - phat) / n) + (z2 / (4 * n * n))) / denominator;
        var lower = Successes == 0 ? 0 : Math.Max(0, centre - half);
        var upper = Successes == Trials ? 1 : Math.Min(1, centre + half);
        return new ConfidenceInterval(phat, lower, upper, level);
    }

    /// <summary>The JSON representation: <c>{"type":"ProportionEstimate","version":1,"successes":…,"trials":…}</c>.</summary>
    public JsonObject ToJson()
    {
        var json = StatisticsJson.Header(nameof(ProportionEstimate));
        json["successes"] = Successes;
        json["trials"] = Trials;
        return json;
    }

    /// <summary>Reads the representation written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The JSON is not a valid representation.</exception>
    public static ProportionEstimate FromJson(JsonNode? node)
    {
        const string context = nameof(ProportionEstimate);
        var json = StatisticsJson.CheckHeader(node, context);
        var successes = StatisticsJson.GetLong(json, "successes", context);
        var trials = StatisticsJson.GetLong(json, "trials", context);
        try
        {
            return new ProportionEstimate(successes, trials);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"{context}: {e.Message}", e);
        }
    }
}
