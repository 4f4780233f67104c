using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaSim.Analysis.Statistics;

/// <summary>
/// <see cref="Moments"/> and a <see cref="QuantileSketch"/> of the same values, fed together: the
/// usual way to collect one quantity (a recovery time, the data lost per incident) across replications
/// and shards, and to turn it into a <see cref="StatisticSummary"/>. Memory is constant in the number
/// of values, and merging in any order or grouping gives exactly the same state.
/// </summary>
/// <remarks>Instances are not thread-safe: keep one per worker and <see cref="Merge"/> them afterwards.</remarks>
public sealed class StatisticAccumulator
{
    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="quantaPerUnit">The resolution of the exact sums, see <see cref="ExactSum"/>.</param>
    /// <param name="relativeAccuracy">The relative accuracy of the quantile sketch.</param>
    public StatisticAccumulator(double quantaPerUnit = ExactSum.MicrosecondsPerSecond, double relativeAccuracy = QuantileSketch.DefaultRelativeAccuracy)
        : this(new Moments(quantaPerUnit), new QuantileSketch(relativeAccuracy))
    {
    }

    private StatisticAccumulator(Moments moments, QuantileSketch sketch)
    {
        Moments = moments;
        Sketch = sketch;
    }

    /// <summary>The moments. Query them freely; add values through the accumulator so the two stay in step.</summary>
    public Moments Moments { get; }

    /// <summary>The quantile sketch. Query it freely; add values through the accumulator so the two stay in step.</summary>
    public QuantileSketch Sketch { get; }

    /// <summary>How many values have been added.</summary>
    public long Count => Moments.Count;

    /// <summary>Adds one value to both the moments and the sketch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or too large for the resolution.</exception>
    public void Add(double value)
    {
        Moments.Add(value); // validates first, so a rejected value reaches neither
        Sketch.AddPrechecked(value);
    }

    /// <summary>Adds the contents of <paramref name="other"/> (exact and order-independent).</summary>
    /// <exception cref="ArgumentException">The resolutions or relative accuracies differ.</exception>
    public void Merge(StatisticAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.Moments.QuantaPerUnit.Equals(Moments.QuantaPerUnit) || !other.Sketch.RelativeAccuracy.Equals(Sketch.RelativeAccuracy))
        {
            throw new ArgumentException("Cannot merge accumulators with different resolutions or relative accuracies.", nameof(other));
        }

        Moments.Merge(other.Moments);
        Sketch.Merge(other.Sketch);
    }

    /// <summary>An independent copy.</summary>
    public StatisticAccumulator Clone() => new(Moments.Clone(), Sketch.Clone());

    /// <summary>Whether <paramref name="other"/> holds exactly the same state.</summary>
    public bool HasSameState(StatisticAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Moments.HasSameState(other.Moments) && Sketch.HasSameState(other.Sketch);
    }

    /// <summary>The summary for reports, see <see cref="StatisticSummary.From"/>.</summary>
    /// <param name="level">The confidence level of every interval, strictly between 0 and 1.</param>
    public StatisticSummary Summarise(double level = 0.95) => StatisticSummary.From(Moments, Sketch, level);

    /// <summary>The JSON representation: <c>{"type":"StatisticAccumulator","version":1,"moments":{…},"sketch":{…}}</c>.</summary>
    public JsonObject ToJson()
    {
        var json = StatisticsJson.Header(nameof(StatisticAccumulator));
        json["moments"] = Moments.ToJson();
        json["sketch"] = Sketch.ToJson();
        return json;
    }

    /// <summary>Reads the representation written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The JSON is not a valid representation.</exception>
    public static StatisticAccumulator FromJson(JsonNode? node)
    {
        const string context = nameof(StatisticAccumulator);
        var json = StatisticsJson.CheckHeader(node, context);
        var moments = Moments.FromJson(StatisticsJson.GetObject(json, "moments", context));
        var sketch = QuantileSketch.FromJson(StatisticsJson.GetObject(json, "sketch", context));
        if (moments.Count != sketch.Count)
        {
            throw new JsonException($"{context}: the moments and the sketch hold different numbers of values.");
        }

        return new StatisticAccumulator(moments, sketch);
    }
}
