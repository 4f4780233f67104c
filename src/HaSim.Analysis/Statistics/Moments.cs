using System.Text.Json;
using System.Text.Json.Nodes;
using MathNet.Numerics.Distributions;

namespace HaSim.Analysis.Statistics;

/// <summary>
/// Count, sum, mean, variance, minimum and maximum of a stream of values, in constant memory,
/// mergeable exactly: any split of the same values into parts, merged in any order, gives
/// bit-for-bit the same state and the same results.
/// </summary>
/// <remarks>
/// <para>Sums are kept by an <see cref="ExactSum"/>, so the mean and variance are computed from values
/// quantised to <see cref="QuantaPerUnit"/> (error at most half a quantum per value, hence at most half
/// a quantum in the mean). The minimum and maximum are the exact values added.</para>
/// <para>Instances are not thread-safe: keep one per worker and <see cref="Merge"/> them afterwards.</para>
/// </remarks>
public sealed class Moments
{
    private readonly ExactSum _sum;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="quantaPerUnit">The resolution of the sums, see <see cref="ExactSum"/>; the default
    /// suits durations in seconds (microsecond quanta).</param>
    public Moments(double quantaPerUnit = ExactSum.MicrosecondsPerSecond)
        : this(new ExactSum(quantaPerUnit), double.PositiveInfinity, double.NegativeInfinity)
    {
    }

    private Moments(ExactSum sum, double min, double max)
    {
        _sum = sum;
        Min = min;
        Max = max;
    }

    /// <summary>The resolution of the sums, in quanta per unit.</summary>
    public double QuantaPerUnit => _sum.QuantaPerUnit;

    /// <summary>How many values have been added.</summary>
    public long Count => _sum.Count;

    /// <summary>The sum of the (quantised) values.</summary>
    public double Sum => _sum.Sum;

    /// <summary>The mean of the (quantised) values, or NaN if empty.</summary>
    public double Mean => _sum.Mean;

    /// <summary>The sample variance (divisor n - 1), or NaN with fewer than two values.</summary>
    public double Variance => _sum.Variance;

    /// <summary>The sample standard deviation, or NaN with fewer than two values.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>The standard error of the mean, s / sqrt(n), or NaN with fewer than two values.</summary>
    public double StandardError => StandardDeviation / Math.Sqrt(Count);

    /// <summary>The smallest value added (exact), or positive infinity if empty.</summary>
    public double Min { get; private set; }

    /// <summary>The largest value added (exact), or negative infinity if empty.</summary>
    public double Max { get; private set; }

    /// <summary>The exact sums underneath; a copy, so changing it does not change this instance.</summary>
    public ExactSum Sums => _sum.Clone();

    /// <summary>Adds one value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or too large for the resolution.</exception>
    public void Add(double value)
    {
        if (value == 0)
        {
            // Zeros are common (no data lost) and need no quantising. -0 is recorded as +0, so min and
            // max never depend on the order of signed zeros.
            _sum.AddZeros(1);
            value = 0.0;
        }
        else
        {
            _sum.Add(value);
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

    /// <summary>Adds the contents of <paramref name="other"/> to this accumulator (exact and order-independent).</summary>
    /// <exception cref="ArgumentException">The resolutions differ.</exception>
    public void Merge(Moments other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _sum.Merge(other._sum);
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>An independent copy.</summary>
    public Moments Clone() => new(_sum.Clone(), Min, Max);

    /// <summary>
    /// The Student t confidence interval for the mean: mean ± t(level, n - 1) · s / sqrt(n).
    /// It assumes independent observations and relies on the central limit theorem for non-normal
    /// data, so it is optimistic for small, heavily skewed samples. With one observation the bounds
    /// are infinite; with none, everything is NaN.
    /// </summary>
    /// <param name="level">The confidence level, strictly between 0 and 1, e.g. 0.95.</param>
    public ConfidenceInterval MeanConfidenceInterval(double level = 0.95)
    {
        ConfidenceInterval.CheckLevel(level);
        var mean = Mean;
        if (Count < 2)
        {
            return Count == 0
                ? new ConfidenceInterval(double.NaN, double.NaN, double.NaN, level)
                : new ConfidenceInterval(mean, double.NegativeInfinity, double.PositiveInfinity, level);
        }

        var t = StudentT.InvCDF(0, 1, Count - 1, 1 - ((1 - level) / 2));
        var half = t * StandardError;
        return new ConfidenceInterval(mean, mean - half, mean + half, level);
    }

    /// <summary>Whether <paramref name="other"/> holds exactly the same state.</summary>
    public bool HasSameState(Moments other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _sum.HasSameState(other._sum) && Min.Equals(other.Min) && Max.Equals(other.Max);
    }

    /// <summary>
    /// The JSON representation: <c>{"type":"Moments","version":1,"quantaPerUnit":…,"count":…,
    /// "sum":"…","sumOfSquares":"…","min":…,"max":…}</c>, with the 128-bit sums as decimal strings and
    /// min and max null when empty. The round trip is lossless.
    /// </summary>
    public JsonObject ToJson()
    {
        var json = StatisticsJson.Header(nameof(Moments));
        _sum.WriteFields(json);
        json["min"] = StatisticsJson.FiniteOrNull(Min);
        json["max"] = StatisticsJson.FiniteOrNull(Max);
        return json;
    }

    /// <summary>Reads the representation written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The JSON is not a valid representation.</exception>
    public static Moments FromJson(JsonNode? node)
    {
        var json = StatisticsJson.CheckHeader(node, nameof(Moments));
        var sum = ExactSum.ReadFields(json);
        var min = StatisticsJson.GetNullableDouble(json, "min", nameof(Moments));
        var max = StatisticsJson.GetNullableDouble(json, "max", nameof(Moments));
        if ((sum.Count == 0) != (min is null) || (sum.Count == 0) != (max is null) || min > max)
        {
            throw new JsonException("Moments: min and max do not match the count.");
        }

        return new Moments(sum, min ?? double.PositiveInfinity, max ?? double.NegativeInfinity);
    }
}
