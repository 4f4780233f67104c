using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaSim.Analysis.Statistics;

/// <summary>
/// A mergeable, deterministic quantile summary with a relative-error guarantee: a DDSketch-style
/// histogram of logarithmic buckets with exact counts, an exact count of zeros and the exact minimum
/// and maximum.
/// </summary>
/// <remarks>
/// <para><b>Accuracy.</b> <see cref="Quantile"/> returns a value within relative error
/// <see cref="RelativeAccuracy"/> (α) of the order statistic it estimates: |estimate − x| ≤ α·|x|.
/// Zeros are counted exactly and returned exactly, and p = 0 and p = 1 give the exact minimum and
/// maximum.</para>
/// <para><b>Determinism.</b> A value's bucket depends only on its bits (see the remarks on the index
/// mapping: no <see cref="Math.Log(double)"/>), and merging adds counts, so any split of the same values
/// into shards, merged in any order, gives exactly the same sketch, the same quantiles and the same
/// JSON.</para>
/// <para><b>Memory.</b> Positive and negative values are kept in two dense arrays of counts indexed by
/// bucket. With γ = (1 + α)/(1 − α), the number of buckets between the smallest and largest magnitude
/// is at most 2 + 1.01·(log2(max/min) + 0.0025)/log2 γ: about 233 per decade at α = 0.005, so about
/// 3,150 buckets from a microsecond to a year, whatever the number of values; the arrays hold at most
/// twice that plus a small constant. Any positive double (subnormals included) can be added.</para>
/// <para>Instances are not thread-safe: keep one per worker and <see cref="Merge"/> them afterwards.</para>
/// </remarks>
public sealed partial class QuantileSketch
{
    /// <summary>The default relative accuracy, 0.5%.</summary>
    public const double DefaultRelativeAccuracy = 0.005;

    /// <summary>The name of the bucket mapping in the JSON representation; a different mapping is a different format.</summary>
    private const string MappingName = "cubic-log2";

    private readonly LogIndexMapping _mapping;
    private readonly double _multiplier; // the mapping's, kept here: one object fewer to reach per value added
    private readonly BucketStore _positive;
    private readonly BucketStore _negative; // indexed by the bucket of |value|

    /// <summary>Creates an empty sketch.</summary>
    /// <param name="relativeAccuracy">The relative accuracy α, in [1e-5, 0.5); the default is 0.005.</param>
    public QuantileSketch(double relativeAccuracy = DefaultRelativeAccuracy)
        : this(new LogIndexMapping(relativeAccuracy), new BucketStore(), new BucketStore(), 0, double.PositiveInfinity, double.NegativeInfinity)
    {
    }

    private QuantileSketch(LogIndexMapping mapping, BucketStore positive, BucketStore negative, long zeroCount, double min, double max)
    {
        _mapping = mapping;
        _multiplier = mapping.Multiplier;
        _positive = positive;
        _negative = negative;
        ZeroCount = zeroCount;
        Min = min;
        Max = max;
    }

    /// <summary>The relative accuracy α: every quantile is within a factor 1 ± α of the order statistic it estimates.</summary>
    public double RelativeAccuracy => _mapping.RelativeAccuracy;

    /// <summary>How many values have been added.</summary>
    public long Count => ZeroCount + _positive.TotalCount + _negative.TotalCount;

    /// <summary>How many of the values were exactly zero.</summary>
    public long ZeroCount { get; private set; }

    /// <summary>The smallest value added (exact), or positive infinity if empty.</summary>
    public double Min { get; private set; }

    /// <summary>The largest value added (exact), or negative infinity if empty.</summary>
    public double Max { get; private set; }

    /// <summary>How many buckets hold at least one value (zeros not included).</summary>
    public int BucketCount => _positive.NonEmptyBucketCount + _negative.NonEmptyBucketCount;

    /// <summary>How many bucket counters are allocated: the memory footprint is about 8 bytes each.</summary>
    public int AllocatedBucketCount => _positive.Capacity + _negative.Capacity;

    /// <summary>Adds <paramref name="count"/> copies of a value (one by default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or the count is negative.</exception>
    public void Add(double value, long count = 1)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite values can be added.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }

        checked
        {
            _ = Count + count;
        }

        Record(value, count);
    }

    /// <summary>
    /// Adds one value that has passed <see cref="Add"/>'s checks elsewhere: for <see cref="StatisticAccumulator"/>,
    /// whose moments refuse a value that is not finite first, and whose checked count bounds this sketch's.
    /// </summary>
    internal void AddPrechecked(double value) => Record(value, 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Record(double value, long count)
    {
        if (value > 0)
        {
            _positive.Add(LogIndexMapping.Index(value, _multiplier), count);
        }
        else if (value < 0)
        {
            _negative.Add(LogIndexMapping.Index(-value, _multiplier), count);
        }
        else
        {
            ZeroCount += count;
            value = 0.0; // never record -0 as the min or max
        }

        if (value < Min)
        {
            Min = value;
        }

        if (value > Max)
        {
            Max = value;
        }
    }

    /// <summary>Adds the contents of <paramref name="other"/> to this sketch: bucket counts add, so the
    /// result does not depend on merge order or grouping.</summary>
    /// <exception cref="ArgumentException">The relative accuracies differ.</exception>
    public void Merge(QuantileSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.RelativeAccuracy.Equals(RelativeAccuracy))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cannot merge sketches with different relative accuracies ({RelativeAccuracy} and {other.RelativeAccuracy})."), nameof(other));
        }

        checked
        {
            _ = Count + other.Count;
        }

        _positive.Merge(other._positive);
        _negative.Merge(other._negative);
        ZeroCount += other.ZeroCount;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>An independent copy.</summary>
    public QuantileSketch Clone() => new(_mapping, _positive.Clone(), _negative.Clone(), ZeroCount, Min, Max);

    /// <summary>Whether <paramref name="other"/> holds exactly the same state (accuracy, counts, min and max).</summary>
    public bool HasSameState(QuantileSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return RelativeAccuracy.Equals(other.RelativeAccuracy) && ZeroCount == other.ZeroCount
            && Min.Equals(other.Min) && Max.Equals(other.Max)
            && _positive.HasSameState(other._positive) && _negative.HasSameState(other._negative);
    }

    /// <summary>
    /// The estimated quantile at probability <paramref name="p"/>: the order statistic of zero-based
    /// rank ⌊p·(n − 1)⌋ (the "lower" definition, so no interpolation between values), within relative
    /// error <see cref="RelativeAccuracy"/>. Returns exactly <see cref="Min"/> at p = 0 (and whenever the
    /// rank is 0), exactly <see cref="Max"/> at p = 1 (rank n − 1), exactly 0 when the rank falls among
    /// the zeros, and NaN if the sketch is empty.
    /// </summary>
    /// <param name="p">The probability, in [0, 1].</param>
    public double Quantile(double p)
    {
        CheckProbability(p);
        return Count == 0 ? double.NaN : Locate(RankOf(p)).Estimate;
    }

    /// <summary>
    /// A distribution-free confidence interval for the true quantile at probability <paramref name="p"/>
    /// of the distribution the values were drawn from (independent draws assumed).
    /// </summary>
    /// <remarks>
    /// <para>The interval combines two sources of uncertainty. Sampling: the bounds are the order
    /// statistics X(l) and X(u) whose ranks come from the exact binomial distribution of the number of
    /// draws below the true quantile (Bin(n, p); a normal approximation above 10^9 values), chosen so
    /// that P(X(l) ≤ ξp ≤ X(u)) ≥ level. Sketch error: each order statistic is only known to lie in its
    /// bucket, so the lower bound is the lower edge of X(l)'s bucket and the upper bound the upper edge
    /// of X(u)'s bucket: at least X(l)·(1 − α)/(1 + α) and at most X(u)·(1 + α)/(1 − α) for positive values
    /// (about ±2α), and exact for zeros, the minimum and the maximum. The interval therefore contains
    /// [X(l), X(u)] and keeps at least the nominal coverage.</para>
    /// <para>When there are too few values for a bound (for example the upper bound of p = 0.999 from
    /// 1,000 values at 95%), that bound is infinite: the data do not constrain it. An empty sketch gives NaN.</para>
    /// </remarks>
    /// <param name="p">The probability, in [0, 1].</param>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    public ConfidenceInterval QuantileConfidenceInterval(double p, double level = 0.95)
    {
        CheckProbability(p);
        ConfidenceInterval.CheckLevel(level);
        var n = Count;
        if (n == 0)
        {
            return new ConfidenceInterval(double.NaN, double.NaN, double.NaN, level);
        }

        var estimate = Locate(RankOf(p)).Estimate;
        var (lowRank, highRank) = OrderStatisticRanks.Compute(n, p, level);
        var lower = lowRank < 0 ? double.NegativeInfinity : Locate(lowRank).Lower;
        var upper = highRank >= n ? double.PositiveInfinity : Locate(highRank).Upper;
        return new ConfidenceInterval(estimate, Math.Min(lower, estimate), Math.Max(upper, estimate), level);
    }

    /// <summary>
    /// The JSON representation: <c>{"type":"QuantileSketch","version":1,"relativeAccuracy":…,
    /// "mapping":"cubic-log2","count":…,"zeroCount":…,"min":…,"max":…,"positive":{"start":…,"counts":[…]},
    /// "negative":{…}}</c>. Each store lists the exact counts of consecutive bucket indices from
    /// <c>start</c> to the last non-empty one (negative values by the bucket of their magnitude); min and
    /// max are null when empty. The output depends only on the sketch's state, and the round trip is lossless.
    /// </summary>
    public JsonObject ToJson()
    {
        var json = StatisticsJson.Header(nameof(QuantileSketch));
        json["relativeAccuracy"] = RelativeAccuracy;
        json["mapping"] = MappingName;
        json["count"] = Count;
        json["zeroCount"] = ZeroCount;
        json["min"] = StatisticsJson.FiniteOrNull(Min);
        json["max"] = StatisticsJson.FiniteOrNull(Max);
        json["positive"] = _positive.ToJson();
        json["negative"] = _negative.ToJson();
        return json;
    }

    /// <summary>Reads the representation written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The JSON is not a valid representation.</exception>
    public static QuantileSketch FromJson(JsonNode? node)
    {
        const string context = nameof(QuantileSketch);
        var json = StatisticsJson.CheckHeader(node, context);
        if (StatisticsJson.GetString(json, "mapping", context) != MappingName)
        {
            throw new JsonException($"{context}: unknown bucket mapping.");
        }

        LogIndexMapping mapping;
        try
        {
            mapping = new LogIndexMapping(StatisticsJson.GetDouble(json, "relativeAccuracy", context));
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"{context}: {e.Message}", e);
        }

        var count = StatisticsJson.GetLong(json, "count", context);
        var zeroCount = StatisticsJson.GetLong(json, "zeroCount", context);
        var min = StatisticsJson.GetNullableDouble(json, "min", context);
        var max = StatisticsJson.GetNullableDouble(json, "max", context);
        var positive = BucketStore.FromJson(StatisticsJson.GetObject(json, "positive", context), context);
        var negative = BucketStore.FromJson(StatisticsJson.GetObject(json, "negative", context), context);
        var sketch = new QuantileSketch(mapping, positive, negative, zeroCount,
            min ?? double.PositiveInfinity, max ?? double.NegativeInfinity);
        if (zeroCount < 0 || sketch.Count != count || (count == 0) != (min is null) || (count == 0) != (max is null) || min > max)
        {
            throw new JsonException($"{context}: the counts, min and max are inconsistent.");
        }

        return sketch;
    }

    private static void CheckProbability(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must lie in [0, 1].");
        }
    }

    private long RankOf(double p) => Math.Clamp((long)Math.Floor(p * (Count - 1)), 0, Count - 1);

    /// <summary>
    /// The order statistic of zero-based <paramref name="rank"/>: an estimate (bucket representative)
    /// and bounds that certainly contain it (bucket edges), all clamped to [Min, Max].
    /// </summary>
    private (double Estimate, double Lower, double Upper) Locate(long rank)
    {
        if (rank <= 0)
        {
            return (Min, Min, Min);
        }

        if (rank >= Count - 1)
        {
            return (Max, Max, Max);
        }

        var seen = 0L;
        foreach (var (index, count) in _negative.Descending())
        {
            seen += count;
            if (rank < seen)
            {
                return Clamp(-_mapping.Representative(index), -_mapping.UpperEdge(index), -_mapping.LowerEdge(index));
            }
        }

        seen += ZeroCount;
        if (rank < seen)
        {
            return (0, 0, 0);
        }

        foreach (var (index, count) in _positive.Ascending())
        {
            seen += count;
            if (rank < seen)
            {
                return Clamp(_mapping.Representative(index), _mapping.LowerEdge(index), _mapping.UpperEdge(index));
            }
        }

        return (Max, Max, Max); // unreachable: the counts add up to Count
    }

    private (double Estimate, double Lower, double Upper) Clamp(double estimate, double lower, double upper) =>
        (Math.Clamp(estimate, Min, Max), Math.Clamp(lower, Min, Max), Math.Clamp(upper, Min, Max));
}
