using System.Globalization;
using System.Runtime.CompilerServices;

namespace HaSim.Analysis.Statistics;

/// <summary>
/// Maps positive doubles to logarithmic bucket indices such that every bucket spans a ratio of at most
/// γ = (1 + α) / (1 - α) between its smallest and largest value.
/// </summary>
/// <remarks>
/// <para>Instead of <see cref="Math.Log(double)"/>, whose last bit may differ between runtimes and
/// processors, the logarithm is approximated from the bits of the double: the binary exponent plus a
/// cubic in the significand (the interpolation used by DDSketch's CubicallyInterpolatedMapping,
/// exact at powers of two and strictly increasing). Only IEEE-754 additions and multiplications are
/// involved, so a value lands in the same bucket on every machine. The cubic's slope is at least
/// 10·ln2/7 ≈ 0.990 times that of the true log2, so about 1% more buckets are used than with an
/// exact logarithm; the multiplier is chosen for that worst case, with a further 10^-6 margin for
/// rounding.</para>
/// <para>Bucket i holds the values whose approximate log2 lies in ((i - 1)/m, i/m].</para>
/// </remarks>
internal sealed class LogIndexMapping
{
    public const double MinRelativeAccuracy = 1e-5;
    public const double MaxRelativeAccuracy = 0.5;

    private const double A = 6.0 / 35.0;
    private const double B = -3.0 / 5.0;
    private const double C = 10.0 / 7.0;
    private const long SignificandMask = 0x000F_FFFF_FFFF_FFFFL;
    private const long ExponentOfOne = 0x3FF0_0000_0000_0000L;
    private const long InfinityBits = 0x7FF0_0000_0000_0000L;
    private const double TwoToThe64 = 18446744073709551616.0;

    private readonly double _multiplier;

    public LogIndexMapping(double relativeAccuracy)
    {
        if (!(relativeAccuracy >= MinRelativeAccuracy && relativeAccuracy < MaxRelativeAccuracy))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeAccuracy), relativeAccuracy,
                string.Create(CultureInfo.InvariantCulture, $"The relative accuracy must lie in [{MinRelativeAccuracy}, {MaxRelativeAccuracy})."));
        }

        RelativeAccuracy = relativeAccuracy;

        // ln γ = 2·atanh(α). Bucket width in log2 units must not exceed log2 γ = 2·atanh(α)/ln 2,
        // and the cubic's slope is at least C·ln 2 per log2 unit, so m = 1 / (log2 γ · C·ln 2)
        // = 7 / (20·atanh(α)); ln 2 cancels, and atanh is a series of basic operations.
        _multiplier = (1 + 1e-6) * 7.0 / (20.0 * Atanh(relativeAccuracy));
    }

    /// <summary>The relative accuracy α.</summary>
    public double RelativeAccuracy { get; }

    /// <summary>Buckets per unit of approximate log2 (about 70 for α = 0.005).</summary>
    public double Multiplier => _multiplier;

    /// <summary>The bucket index of a positive, finite value (subnormals included).</summary>
    public int Index(double value) => Index(value, _multiplier);

    /// <summary>The bucket index of a positive, finite value with <paramref name="multiplier"/> buckets per unit of approximate log2: for a caller that keeps the multiplier at hand.</summary>
    /// <remarks>The approximate log2 of any double lies within ±1100 and the multiplier below 40,000, so the
    /// product is far inside int's range and the native conversion (no saturation checks) is exact.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Index(double value, double multiplier) =>
        double.ConvertToIntegerNative<int>(Math.Ceiling(ApproximateLog2(value) * multiplier));

    /// <summary>The smallest double that maps to bucket <paramref name="index"/> or above.</summary>
    public double LowerEdge(int index) => BitConverter.Int64BitsToDouble(FirstBitsAtOrAbove(index));

    /// <summary>The largest double that maps to bucket <paramref name="index"/> or below.</summary>
    public double UpperEdge(int index) => BitConverter.Int64BitsToDouble(FirstBitsAtOrAbove(index + 1) - 1);

    /// <summary>
    /// A value with relative error at most α from any value in bucket <paramref name="index"/>:
    /// the harmonic mean of the bucket's edges.
    /// </summary>
    public double Representative(int index)
    {
        var lower = LowerEdge(index);
        var upper = UpperEdge(index);
        return lower / ((1 + (lower / upper)) * 0.5);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // one per value added; subnormals stay out of line
    internal static double ApproximateLog2(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        return exponent == 0 ? SubnormalLog2(value) : Log2(bits, exponent - 1023);
    }

    private static double SubnormalLog2(double value)
    {
        // Scale up exactly by 2^64 so the significand is normalised.
        var bits = BitConverter.DoubleToInt64Bits(value * TwoToThe64);
        var exponent = (int)((bits >> 52) & 0x7FF);
        return Log2(bits, exponent - 1023 - 64);
    }

    /// <summary>The unbiased <paramref name="exponent"/> plus the cubic in the significand of <paramref name="bits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Log2(long bits, int exponent)
    {
        var s = BitConverter.Int64BitsToDouble((bits & SignificandMask) | ExponentOfOne) - 1.0;
        return ((((A * s) + B) * s) + C) * s + exponent;
    }

    private long FirstBitsAtOrAbove(int index)
    {
        // Positive doubles are ordered like their bit patterns; search [smallest subnormal, +infinity].
        long lo = 1, hi = InfinityBits;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (Index(BitConverter.Int64BitsToDouble(mid)) >= index)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static double Atanh(double x)
    {
        // atanh(x) = x + x^3/3 + x^5/5 + ...; for x < 0.5 the terms fall by at least 4 each step.
        var x2 = x * x;
        var term = x;
        var sum = 0.0;
        for (var k = 1; k < 200; k += 2)
        {
            var next = sum + (term / k);
            if (next == sum)
            {
                break;
            }

            sum = next;
            term *= x2;
        }

        return sum;
    }
}
