using System.Globalization;
using System.Numerics;

namespace HaSim.Analysis.RareEvents;

/// <summary>
/// An exact, order-independent sum of non-negative doubles of any magnitude from 2^-384 to 2^383 (likelihood
/// ratios and their squares): each value is added exactly to a 768-bit fixed-point integer, so any grouping
/// of the same values, over threads or shards, gives the same bits. Values below 2^-384 are rounded to the
/// nearest multiple of it (ties to even). Adding allocates nothing.
/// </summary>
public sealed class WeightSum
{
    private const int Limbs = 12;
    private const int FractionBits = 384;
    /// <summary>The exclusive upper bound on a value: 2^383.</summary>
    public static readonly double Max = Math.ScaleB(1, 383);
    private readonly ulong[] _limbs = new ulong[Limbs];

    /// <summary>The sum, rounded once to a double.</summary>
    public double Value
    {
        get
        {
            var big = BigInteger.Zero;
            for (int i = Limbs - 1; i >= 0; i--)
            {
                big = (big << 64) + _limbs[i];
            }

            // Scale in two steps: the integer may exceed the double range before scaling.
            int shift = (int)Math.Max(0, big.GetBitLength() - 1000);
            return Math.ScaleB((double)(big >> shift), shift - FractionBits);
        }
    }

    /// <summary>Adds <paramref name="value"/> exactly.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, not finite, or 2^383 or more.</exception>
    public void Add(double value)
    {
        if (!(value >= 0) || value >= Max)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A weight must be a non-negative number below 2^383.");
        }

        long bits = BitConverter.DoubleToInt64Bits(value);
        int exponent = (int)((bits >> 52) & 0x7FF);
        ulong mantissa = (ulong)bits & ((1UL << 52) - 1);
        int position;
        if (exponent == 0)
        {
            position = -1074 + FractionBits;
        }
        else
        {
            mantissa |= 1UL << 52;
            position = exponent - 1075 + FractionBits;
        }

        if (position < 0)
        {
            mantissa = ShiftRightRounded(mantissa, -position);
            position = 0;
        }

        AddAt(mantissa, position);
    }

    /// <summary>Adds everything in <paramref name="other"/>.</summary>
    public void Merge(WeightSum other)
    {
        ArgumentNullException.ThrowIfNull(other);
        ulong carry = 0;
        for (int i = 0; i < Limbs; i++)
        {
            ulong a = _limbs[i];
            ulong sum = a + other._limbs[i];
            ulong c1 = sum < a ? 1UL : 0;
            ulong total = sum + carry;
            ulong c2 = total < sum ? 1UL : 0;
            _limbs[i] = total;
            carry = c1 + c2;
        }

        if (carry != 0)
        {
            throw new OverflowException("The weight sum exceeded 2^384.");
        }
    }

    /// <summary>The exact state as hexadecimal text, most significant limb first (equal sums give equal text).</summary>
    public string ToHex()
    {
        var text = new System.Text.StringBuilder(Limbs * 16);
        for (int i = Limbs - 1; i >= 0; i--)
        {
            text.Append(_limbs[i].ToString("x16", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static ulong ShiftRightRounded(ulong value, int shift)
    {
        if (shift > 64)
        {
            return 0;
        }

        ulong kept = shift == 64 ? 0 : value >> shift;
        ulong rest = shift == 64 ? value : value & ((1UL << shift) - 1);
        ulong half = 1UL << (shift - 1);
        return rest > half || (rest == half && (kept & 1) == 1) ? kept + 1 : kept;
    }

    private void AddAt(ulong value, int position)
    {
        int limb = position / 64;
        int offset = position % 64;
        ulong low = value << offset;
        ulong high = offset == 0 ? 0 : value >> (64 - offset);
        AddLimb(limb, low);
        if (high != 0)
        {
            AddLimb(limb + 1, high);
        }
    }

    private void AddLimb(int limb, ulong value)
    {
        for (int i = limb; value != 0; i++)
        {
            if (i >= Limbs)
            {
                throw new OverflowException("The weight sum exceeded 2^384.");
            }

            ulong sum = _limbs[i] + value;
            value = sum < value ? 1UL : 0;
            _limbs[i] = sum;
        }
    }
}
