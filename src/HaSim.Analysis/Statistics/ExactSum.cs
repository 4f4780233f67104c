using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace HaSim.Analysis.Statistics;

/// <summary>
/// An exact, order-independent running sum: a count, a sum and a sum of squares of values quantised
/// to a fixed resolution and accumulated in 128-bit integers.
/// </summary>
/// <remarks>
/// <para>Each value is multiplied by <see cref="QuantaPerUnit"/> and rounded to the nearest integer
/// (ties to even), so it is stored with an error of at most half a quantum; for durations in seconds
/// use <see cref="MicrosecondsPerSecond"/> (one quantum is a microsecond), for bytes use
/// <see cref="WholeUnits"/>. The quantised values are then added exactly in integers (the sum in
/// <see cref="Int128"/>, the sum of squares in 192 bits), so the totals do not depend on the order in
/// which values are added or partial sums are merged: any grouping of the same values gives
/// bit-for-bit the same state.</para>
/// <para>Range: a single quantised value must have a magnitude below 2^63 quanta (at microsecond
/// resolution about 292,000 years; at byte resolution about 9.2 EB). Below 2^63 values, neither the
/// sum (below 2^126) nor the sum of squares (below 2^189) can overflow, so any count of values in
/// range is held exactly.</para>
/// <para>Instances are not thread-safe: keep one per worker and <see cref="Merge"/> them afterwards.</para>
/// </remarks>
public sealed class ExactSum
{
    /// <summary>Quanta per second for durations kept in seconds: one quantum is a microsecond.</summary>
    public const double MicrosecondsPerSecond = 1_000_000;

    /// <summary>One quantum per unit: for whole quantities such as bytes or counts.</summary>
    public const double WholeUnits = 1;

    /// <summary>The largest double below 2^63, the bound on a quantised value's magnitude.</summary>
    private const double MaxQuanta = 9_223_372_036_854_774_784.0;

    /// <summary>2^32 − 1: quanta of at most this magnitude have a square below 2^64.</summary>
    private const long SmallQuanta = uint.MaxValue;

    /// <summary>Creates an empty sum with the given resolution.</summary>
    /// <param name="quantaPerUnit">How many quanta make one unit of the values added; a positive,
    /// finite number, e.g. <see cref="MicrosecondsPerSecond"/>.</param>
    public ExactSum(double quantaPerUnit = MicrosecondsPerSecond)
    {
        if (!(quantaPerUnit > 0) || double.IsInfinity(quantaPerUnit))
        {
            throw new ArgumentOutOfRangeException(nameof(quantaPerUnit), quantaPerUnit, "The resolution must be positive and finite.");
        }

        QuantaPerUnit = quantaPerUnit;
    }

    /// <summary>How many quanta make one unit of the values added (the inverse of the resolution).</summary>
    public double QuantaPerUnit { get; }

    /// <summary>The resolution: the size of one quantum in the units of the values.</summary>
    public double Resolution => 1 / QuantaPerUnit;

    /// <summary>How many values have been added.</summary>
    public long Count { get; private set; }

    /// <summary>The exact sum of the quantised values, in quanta.</summary>
    public Int128 SumQuanta { get; private set; }

    /// <summary>The exact sum of the squares of the quantised values, in quanta squared.</summary>
    public BigInteger SumOfSquaresQuanta => ((BigInteger)_squares2 << 128) + ((BigInteger)_squares1 << 64) + _squares0;

    // The sum of squares in 192 bits, as three 64-bit limbs from the least significant: each square
    // is at most 2^126 and there are fewer than 2^63 of them, so it never overflows, and adding stays
    // allocation-free. Separate limbs let the common small square be added to the lowest one alone.
    private ulong _squares0;
    private ulong _squares1;
    private ulong _squares2;

    /// <summary>The sum in the units of the values (the exact sum, rounded once to a double).</summary>
    public double Sum => (double)SumQuanta / QuantaPerUnit;

    /// <summary>The mean in the units of the values, or NaN if empty.</summary>
    public double Mean => Count == 0 ? double.NaN : (double)SumQuanta / Count / QuantaPerUnit;

    /// <summary>
    /// The sample variance (divisor n - 1) in the units of the values squared, or NaN with fewer
    /// than two values. The numerator n·Σq² − (Σq)² is computed exactly, so there is no cancellation.
    /// </summary>
    public double Variance
    {
        get
        {
            if (Count < 2)
            {
                return double.NaN;
            }

            var numerator = (new BigInteger(Count) * SumOfSquaresQuanta) - BigInteger.Pow((BigInteger)SumQuanta, 2);
            return (double)numerator / Count / (Count - 1) / QuantaPerUnit / QuantaPerUnit;
        }
    }

    /// <summary>Quantises <paramref name="value"/> to this sum's resolution.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or is out of range.</exception>
    public long Quantise(double value)
    {
        var scaled = Math.Round(value * QuantaPerUnit, MidpointRounding.ToEven);
        if (!(Math.Abs(scaled) <= MaxQuanta))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The value is not finite or is too large for the resolution.");
        }

        return double.ConvertToIntegerNative<long>(scaled); // native: scaled is checked in range, so saturating would change nothing
    }

    /// <summary>Adds one value, quantised to the resolution.</summary>
    public void Add(double value) => AddQuanta(Quantise(value));

    /// <summary>Adds one value already expressed in quanta.</summary>
    public void AddQuanta(long quanta)
    {
        checked
        {
            Count++;
        }

        // Unchecked: every state has |sum| ≤ count·2^63 (ReadFields rejects a state that breaks it), and the
        // count is below 2^63, so the 128-bit sum cannot overflow.
        SumQuanta += quanta;
        if ((ulong)(quanta + SmallQuanta) <= 2 * SmallQuanta)
        {
            // |quanta| < 2^32, the usual case: the square fits one limb.
            var square = (ulong)(quanta * quanta);
            var low = _squares0 + square;
            if (low < square)
            {
                CarryFromLowest();
            }

            _squares0 = low;
        }
        else
        {
            var square = (UInt128)Math.BigMul(quanta, quanta); // exact: |quanta|² ≤ 2^126
            AddSquares((ulong)square, (ulong)(square >> 64), 0);
        }
    }

    /// <summary>Adds <paramref name="count"/> zeros: only the count changes.</summary>
    internal void AddZeros(long count)
    {
        checked
        {
            Count += count;
        }
    }

    /// <summary>Adds the contents of <paramref name="other"/> to this sum. Merging is exact,
    /// so merge order and grouping never change the result.</summary>
    /// <exception cref="ArgumentException">The resolutions differ.</exception>
    public void Merge(ExactSum other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.QuantaPerUnit != QuantaPerUnit)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cannot merge sums with different resolutions ({QuantaPerUnit} and {other.QuantaPerUnit} quanta per unit)."), nameof(other));
        }

        checked
        {
            var sum = SumQuanta + other.SumQuanta;
            var count = Count + other.Count;
            SumQuanta = sum;
            Count = count;
        }

        AddSquares(other._squares0, other._squares1, other._squares2);
    }

    /// <summary>An independent copy.</summary>
    public ExactSum Clone() => new(QuantaPerUnit) { Count = Count, SumQuanta = SumQuanta, _squares0 = _squares0, _squares1 = _squares1, _squares2 = _squares2 };

    /// <summary>Whether <paramref name="other"/> holds exactly the same state.</summary>
    public bool HasSameState(ExactSum other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return QuantaPerUnit.Equals(other.QuantaPerUnit) && Count == other.Count
            && SumQuanta == other.SumQuanta && _squares0 == other._squares0 && _squares1 == other._squares1 && _squares2 == other._squares2;
    }

    /// <summary>
    /// The JSON representation: <c>{"type":"ExactSum","version":1,"quantaPerUnit":…,"count":…,
    /// "sum":"…","sumOfSquares":"…"}</c>, with the 128-bit sums as decimal strings.
    /// </summary>
    public JsonObject ToJson()
    {
        var json = StatisticsJson.Header(nameof(ExactSum));
        WriteFields(json);
        return json;
    }

    /// <summary>Reads the representation written by <see cref="ToJson"/>.</summary>
    /// <exception cref="System.Text.Json.JsonException">The JSON is not a valid representation.</exception>
    public static ExactSum FromJson(JsonNode? node)
    {
        var json = StatisticsJson.CheckHeader(node, nameof(ExactSum));
        return ReadFields(json);
    }

    /// <summary>Writes the fields (no header) into <paramref name="json"/>.</summary>
    internal void WriteFields(JsonObject json)
    {
        json["quantaPerUnit"] = QuantaPerUnit;
        json["count"] = Count;
        json["sum"] = SumQuanta.ToString(CultureInfo.InvariantCulture);
        json["sumOfSquares"] = SumOfSquaresQuanta.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Reads the fields written by <see cref="WriteFields"/>.</summary>
    internal static ExactSum ReadFields(JsonObject json)
    {
        var quantaPerUnit = StatisticsJson.GetDouble(json, "quantaPerUnit", nameof(ExactSum));
        var count = StatisticsJson.GetLong(json, "count", nameof(ExactSum));
        var sum = StatisticsJson.GetInt128(json, "sum", nameof(ExactSum));
        var squares = StatisticsJson.GetBigInteger(json, "sumOfSquares", nameof(ExactSum));

        // The sums of any values in range satisfy (Σq)² ≤ n·Σq² (Cauchy-Schwarz) and Σq² < n·2^126; a
        // state that breaks either was not produced by adding values.
        if (count < 0 || squares < 0 || (count == 0 && (sum != 0 || squares != 0))
            || BigInteger.Pow((BigInteger)sum, 2) > count * squares || (count > 0 && squares >= (BigInteger)count << 126))
        {
            throw new System.Text.Json.JsonException("ExactSum: inconsistent count and sums.");
        }

        try
        {
            return new ExactSum(quantaPerUnit)
            {
                Count = count,
                SumQuanta = sum,
                _squares0 = (ulong)(squares & ulong.MaxValue),
                _squares1 = (ulong)((squares >> 64) & ulong.MaxValue),
                _squares2 = (ulong)(squares >> 128),
            };
        }
        catch (ArgumentException e)
        {
            throw new System.Text.Json.JsonException($"ExactSum: {e.Message}", e);
        }
    }

    private void AddSquares(ulong limb0, ulong limb1, ulong limb2)
    {
        var sum0 = _squares0 + limb0;
        var carry = sum0 < limb0 ? 1UL : 0UL;
        var sum1 = _squares1 + limb1;
        var carry1 = sum1 < limb1 ? 1UL : 0UL;
        sum1 += carry;
        carry1 += sum1 < carry ? 1UL : 0UL;
        _squares0 = sum0;
        _squares1 = sum1;
        _squares2 += limb2 + carry1;
    }

    /// <summary>Carries one into the limbs above the lowest, whose addition overflowed.</summary>
    private void CarryFromLowest()
    {
        _squares1++;
        if (_squares1 == 0)
        {
            _squares2++;
        }
    }
}
